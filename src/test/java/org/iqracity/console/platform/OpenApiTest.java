package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.http.Route;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the platform serves and the route table it registers describe the same API: every route is
 * documented with its method, every documented operation is served, and authentication is documented as it is
 * enforced.
 */
class OpenApiTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head",
            "options", "trace");

    static JsonNode doc;
    static String prefix;
    static List<Route> routes;

    @BeforeAll
    static void load() throws IOException {
        TestApi.Response served = PlatformFixture.h2().api().get(ApiPaths.OPENAPI, null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/yaml");
        doc = new ObjectMapper(new YAMLFactory()).readTree(served.body());
        prefix = doc.path("servers").path(0).path("url").asText();
        // The route table is fixed by ApiRoutes; building a server (never started) is how a test can read it.
        routes = RouteTable.routes();
    }

    /** "GET /api/v1/courses/{courseId}" for a route. */
    private static String key(Route r) {
        return r.method().name().toUpperCase(Locale.ROOT) + " " + r.path();
    }

    private static Set<String> documentedOperations() {
        Set<String> ops = new TreeSet<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (HTTP_METHODS.contains(op.getKey())) {
                ops.add(op.getKey().toUpperCase(Locale.ROOT) + " " + prefix + path.getKey());
            }
        }));
        return ops;
    }

    private static JsonNode operation(Route r) {
        return doc.path("paths").path(r.path().substring(prefix.length()))
                .path(r.method().name().toLowerCase(Locale.ROOT));
    }

    @Test
    void documentIsOpenApi31WithTheApiBaseAsServer() {
        assertThat(doc.path("openapi").asText()).startsWith("3.1");
        assertThat(prefix).isEqualTo(ApiPaths.BASE);
        assertThat(routes).isNotEmpty().allSatisfy(r -> assertThat(r.path()).startsWith(ApiPaths.BASE + "/"));
    }

    @Test
    void everyRouteIsDocumentedWithItsMethod() {
        Set<String> documented = documentedOperations();
        List<String> missing = routes.stream().map(OpenApiTest::key).filter(k -> !documented.contains(k)).toList();
        assertThat(missing).as("routes served but not in openapi.yaml").isEmpty();
    }

    @Test
    void everyDocumentedOperationIsServed() {
        Set<String> served = new HashSet<>(routes.stream().map(OpenApiTest::key).toList());
        List<String> phantom = documentedOperations().stream().filter(k -> !served.contains(k)).toList();
        assertThat(phantom).as("operations in openapi.yaml that the platform does not serve").isEmpty();
    }

    @Test
    void authenticatedRoutesDocumentBearerSecurityOr401() {
        boolean globalBearer = securityNamesBearer(doc.path("security"));
        assertThat(globalBearer).as("the document's default security is the bearer scheme").isTrue();
        List<String> undocumented = new ArrayList<>();
        for (Route r : routes) {
            if (!r.authenticated()) {
                continue;
            }
            JsonNode op = operation(r);
            boolean declaredOpen = op.has("security") && !securityNamesBearer(op.path("security"));
            boolean bearer = op.has("security") ? !declaredOpen : globalBearer;
            if (op.isMissingNode() || declaredOpen || !(bearer || op.path("responses").has("401"))) {
                undocumented.add(key(r));
            }
        }
        assertThat(undocumented).as("authenticated routes documented as open").isEmpty();
    }

    @Test
    void openRoutesAreDocumentedAsNeedingNoToken() {
        List<String> wrong = routes.stream().filter(r -> !r.authenticated())
                .filter(r -> {
                    JsonNode security = operation(r).path("security");
                    return !security.isArray() || !security.isEmpty();
                })
                .map(OpenApiTest::key).toList();
        assertThat(wrong).as("open routes that the document says need a bearer token (security: [] missing)")
                .isEmpty();
    }

    @Test
    void everyPathPlaceholderIsDeclaredAsARequiredPathParameter() {
        Pattern placeholder = Pattern.compile("\\{([^}]+)}");
        List<String> undeclared = new ArrayList<>();
        for (Route r : routes) {
            String docPath = r.path().substring(prefix.length());
            JsonNode pathItem = doc.path("paths").path(docPath);
            Set<String> declared = new HashSet<>();
            collectPathParameters(pathItem.path("parameters"), declared);
            collectPathParameters(operation(r).path("parameters"), declared);
            Matcher m = placeholder.matcher(docPath);
            while (m.find()) {
                if (!declared.contains(m.group(1))) {
                    undeclared.add(key(r) + " {" + m.group(1) + "}");
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }

    private static void collectPathParameters(JsonNode parameters, Set<String> into) {
        for (JsonNode p : parameters) {
            JsonNode resolved = resolve(p);
            if ("path".equals(resolved.path("in").asText()) && resolved.path("required").asBoolean(false)) {
                into.add(resolved.path("name").asText());
            }
        }
    }

    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        assertThat(ref).startsWith("#/");
        JsonNode target = doc.at(ref.substring(1));
        assertThat(target.isMissingNode()).as("dangling $ref %s", ref).isFalse();
        return target;
    }

    private static boolean securityNamesBearer(JsonNode requirements) {
        JsonNode schemes = doc.path("components").path("securitySchemes");
        for (JsonNode requirement : requirements) {
            for (var name : (Iterable<String>) requirement::fieldNames) {
                JsonNode scheme = schemes.path(name);
                if ("http".equals(scheme.path("type").asText())
                        && "bearer".equalsIgnoreCase(scheme.path("scheme").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every query parameter documented for the learner list is one the platform takes: a value it cannot use is
     * refused naming that parameter for its value, never as an unknown parameter.
     */
    @Test
    void theLearnerListTakesEveryQueryParameterItDocuments() {
        TestApi api = PlatformFixture.h2().api();
        String token = api.signIn("nb-admin");
        String list = ApiPaths.courseLearners("course-v1:Northbridge+DS200+2026_T1");
        List<String> documented = queryParameters("/courses/{courseId}/learners");
        assertThat(documented).contains("q", "country", "minGrade", "maxGrade", "inactiveDays");
        for (String name : documented) {
            TestApi.Response r = api.get(list + "?" + name + "=%00", token);
            assertThat(r.body()).as(name).doesNotContain("Unknown parameter");
        }
        assertThat(api.get(list + "?minGrades=0.5", token).body()).contains("Unknown parameter");
    }

    /**
     * The roster documents the learner list's search, filter and sort parameters and its own fields, not the list's
     * paging; each documented one is taken (refused for its value, never as unknown), and nothing else is.
     */
    @Test
    void theRosterTakesTheListsViewParametersAndItsFields() {
        TestApi api = PlatformFixture.h2().api();
        String token = api.signIn("nb-admin");
        String roster = ApiPaths.course("course-v1:Northbridge+DS200+2026_T1") + "/roster";
        List<String> documented = queryParameters("/courses/{courseId}/roster");
        List<String> view = new ArrayList<>(queryParameters("/courses/{courseId}/learners"));
        view.removeAll(List.of("limit", "cursor", "at"));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(concat(view, "fields"));
        for (String name : documented) {
            TestApi.Response r = api.get(roster + "?" + name + "=%00", token);
            assertThat(r.status()).as(name).isEqualTo(422);
            assertThat(r.body()).as(name).doesNotContain("Unknown parameter");
        }
        for (String paging : List.of("limit", "cursor")) {
            assertThat(api.get(roster + "?" + paging + "=5", token).body()).contains("Unknown parameter");
        }
    }

    private static List<String> concat(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    /** The names of an operation's query parameters, those given by reference to the components included. */
    private static List<String> queryParameters(String path) {
        List<String> names = new ArrayList<>();
        doc.path("paths").path(path).path("get").path("parameters").forEach(p -> {
            JsonNode param = resolve(p);
            if (param.path("in").asText().equals("query")) {
                names.add(param.path("name").asText());
            }
        });
        return names;
    }
}
