package org.iqracity.console.ui.common;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.CourseDto;

/** Which course a screen shows after its course list is loaded again. */
public final class CourseChoice {
    private CourseChoice() {
    }

    /** Courses as a person looks for them: by title in their language's order, then by run, then by id. */
    public static List<CourseDto> byTitle(List<CourseDto> courses, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        collator.setStrength(Collator.SECONDARY);
        Comparator<String> text = (a, b) -> collator.compare(a == null ? "" : a, b == null ? "" : b);
        return courses.stream().sorted(Comparator.comparing(CourseDto::title, text)
                .thenComparing(CourseDto::run, text).thenComparing(CourseDto::id)).toList();
    }

    /** The course open before, as the new list has it (its counts may have changed), else the list's first. */
    public static CourseDto sameOrFirst(CourseDto previous, List<CourseDto> list) {
        return previous == null ? list.getFirst() : list.stream().filter(c -> c.id().equals(previous.id()))
                .findFirst().orElse(list.getFirst());
    }
}
