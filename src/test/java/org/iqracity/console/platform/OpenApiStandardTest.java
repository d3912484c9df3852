package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract is read by a standard OpenAPI parser (swagger-parser), as other teams' tools would read it: it must
 * parse without a single message, and every operation must have its own operationId, which client generators name
 * their methods after.
 */
class OpenApiStandardTest {
    static String yaml;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Platform.class.getResourceAsStream("openapi.yaml")) {
            assertThat(in).as("openapi.yaml on the class path").isNotNull();
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIParser().readContents(text, null, options);
    }

    @Test
    void aStandardParserReadsTheContractWithoutAnyMessage() {
        SwaggerParseResult result = parse(yaml);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI()).isNotNull();
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(30);
    }

    @Test
    void theParserWouldTellABrokenContract() {
        String broken = yaml.replaceFirst("\\$ref: '#/components/schemas/Incident'",
                "\\$ref: '#/components/schemas/Nothing'");

        assertThat(parse(broken).getMessages()).isNotEmpty();
    }

    @Test
    void everyOperationHasAnOperationIdOfItsOwn() {
        OpenAPI api = parse(yaml).getOpenAPI();
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String id = ((Operation) operation).getOperationId();
            if (id == null || id.isBlank()) {
                missing.add(method + " " + path);
            } else if (!seen.add(id)) {
                repeated.add(id);
            }
        }));

        assertThat(missing).isEmpty();
        assertThat(repeated).isEmpty();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(50);
    }
}
