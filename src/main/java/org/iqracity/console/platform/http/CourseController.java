package org.iqracity.console.platform.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.CourseService;

final class CourseController {
    private final CourseService courses;

    CourseController(CourseService courses) {
        this.courses = courses;
    }

    void list(Context ctx, Caller caller) {
        new Requests.Params(ctx, Set.of()).check();
        List<CourseDto> items = courses.list(caller);
        ctx.json(new Page<>(items, null, items.size()));
    }

    void get(Context ctx, Caller caller) {
        ctx.json(courses.get(caller, ctx.pathParam("courseId")));
    }
}
