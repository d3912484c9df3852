package org.iqracity.console.client;

import java.util.List;
import org.iqracity.console.api.CourseDto;

/** The courses the signed-in person may see: {@link PlatformClient#courses()}. */
public interface CoursesClient {

    /** All courses the signed-in person may see, following every page. */
    List<CourseDto> all();

    CourseDto get(String courseId);
}
