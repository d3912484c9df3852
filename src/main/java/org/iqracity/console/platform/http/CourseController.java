package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.PlatformException;

final class CourseController {
    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    void list(Context ctx, Caller caller) {
        Requests.Params p = new Requests.Params(ctx, Set.of("limit", "cursor"));
        int limit = p.integer("limit", 50);
        String cursor = p.string("cursor");
        if (limit < 1 || limit > 500) {
            p.error("limit", "Must be between 1 and 500.");
        }
        p.check();
        // Courses are few and listed in id order; the cursor is the last id seen, base64url so it stays opaque.
        List<CourseDto> all = courses.list(caller);
        String after = cursor == null ? null : decode(cursor);
        List<CourseDto> rest = all.stream().filter(c -> after == null || c.id().compareTo(after) > 0).toList();
        List<CourseDto> page = rest.subList(0, Math.min(limit, rest.size()));
        String next = rest.size() > limit ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                page.getLast().id().getBytes(StandardCharsets.UTF_8)) : null;
        ctx.json(new Page<>(page, next, all.size()));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PlatformException.badRequest(
                    ProblemCode.MALFORMED_REQUEST,
                    "The cursor is not valid for this list. Start again from the first page.");
        }
    }

    void get(Context ctx, Caller caller) {
        ctx.json(courses.get(caller, ctx.pathParam("courseId")));
    }
}
