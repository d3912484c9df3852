package org.iqracity.console.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Which courses a staff member may see: on the wire either the string {@code "ALL"} or a list of course ids.
 */
public record CourseScope(boolean all, List<String> courseIds) {
    public static final String ALL = "ALL";

    public CourseScope {
        courseIds = all ? List.of() : List.copyOf(courseIds);
    }

    public static CourseScope allCourses() {
        return new CourseScope(true, List.of());
    }

    public static CourseScope of(List<String> courseIds) {
        return new CourseScope(false, courseIds);
    }

    public boolean includes(String courseId) {
        return all || courseIds.contains(courseId);
    }

    @JsonValue
    Object wire() {
        return all ? ALL : courseIds;
    }

    @JsonCreator
    static CourseScope fromWire(JsonNode node) {
        if (node.isTextual() && ALL.equals(node.asText())) {
            return allCourses();
        }
        if (node.isArray()) {
            List<String> ids = new ArrayList<>();
            node.forEach(n -> ids.add(n.asText()));
            return of(ids);
        }
        throw new IllegalArgumentException("courseIds must be \"ALL\" or a list of course ids");
    }
}
