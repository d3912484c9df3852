package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.Page;

/** {@link CoursesClient} over {@link HttpPlatformClient}'s session. */
final class HttpCourses implements CoursesClient {

    private static final TypeReference<Page<CourseDto>> COURSE_PAGE = new TypeReference<>() { };
    private final HttpPlatformClient calls;

    HttpCourses(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public List<CourseDto> all() {
        List<CourseDto> all = new ArrayList<>();
        String cursor = null;
        do {
            // The first request carries no parameters: a Member has few courses, and the platform's default page fits.
            HttpUrl.Builder url = calls.url(ApiPaths.COURSES).newBuilder();
            if (cursor != null) {
                url.addQueryParameter("cursor", cursor);
            }
            Page<CourseDto> page = calls.authed(new Request.Builder().url(url.build()).get(), COURSE_PAGE);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return List.copyOf(all);
    }

    @Override
    public CourseDto get(String courseId) {
        return calls.authed(calls.get(ApiPaths.course(courseId)), new TypeReference<CourseDto>() { });
    }
}
