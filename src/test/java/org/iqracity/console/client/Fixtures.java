package org.iqracity.console.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.SessionDto;

/** Wire answers as the platform writes them, for MockWebServer. */
final class Fixtures {
    static final String COURSE_ID = "course-v1:Northbridge+CS101+2026_T1";

    private Fixtures() {
    }

    static MeDto me() {
        return new MeDto("nb-ta", "Nadia Ta", new MemberRef("northbridge", "Northbridge University"),
                List.of(Role.COURSE_ADMIN), CourseScope.of(List.of(COURSE_ID)));
    }

    static SessionDto session(String access, String refresh, long expiresIn) {
        return new SessionDto(access, refresh, expiresIn, 3600, me());
    }

    static CourseDto course(String id) {
        return CourseDto.exact(id, "Intro to computing", "Northbridge", "CS101", "2026_T1",
                Instant.parse("2026-01-10T00:00:00Z"), Instant.parse("2026-06-10T00:00:00Z"), 1200, 900);
    }

    static LearnerRowDto row(String id, String username) {
        return new LearnerRowDto(id, username, "Name " + username, username + "@example.org", "KE",
                Instant.parse("2026-01-12T10:00:00Z"), EnrollmentMode.VERIFIED, true, 0.5, 0.7, true,
                Instant.parse("2026-02-01T10:00:00Z"), false, false);
    }

    static <T> Page<T> page(List<T> items, String next, long total) {
        return new Page<>(items, next, total);
    }

    static MockResponse json(int code, Object body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(write(body)).build();
    }

    static MockResponse problem(int code, String problemCode) {
        return problem(code, problemCode, null);
    }

    static MockResponse problem(int code, String problemCode, Long retryAfterSeconds) {
        Problem problem = new Problem("https://iqracity.org/problems/" + problemCode, "Problem", code,
                "detail", problemCode, List.of(), retryAfterSeconds);
        return new MockResponse.Builder().code(code).addHeader("Content-Type", Problem.MEDIA_TYPE)
                .body(write(problem)).build();
    }

    static String write(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
