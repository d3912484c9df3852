package org.iqracity.console.ui.sponsors;

import java.time.Instant;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.iqracity.console.api.SponsorSummaryDto;

/**
 * What the sponsor tree says of each course's release: when it last went to the sponsor and whether the report has
 * changed since. The platform tells it with the sponsor list; a release made here since that list was read counts
 * at once (as unchanged), without asking for the list again.
 */
public final class ReleaseMarks {

    /** Never released: {@code at} null. {@code changed}: the report differs from the last release. */
    public record Mark(Instant at, boolean changed) {
        public boolean released() {
            return at != null;
        }
    }

    private final ObservableMap<String, Instant> releasedHere = FXCollections.observableHashMap();

    public Mark of(String sponsorId, SponsorSummaryDto.CourseCount course) {
        Instant here = releasedHere.get(key(sponsorId, course.courseId()));
        if (here != null) {
            return new Mark(here, false);
        }
        return new Mark(course.releasedAt(), Boolean.TRUE.equals(course.changedSinceRelease()));
    }

    void released(String sponsorId, String courseId, Instant at) {
        releasedHere.put(key(sponsorId, courseId), at);
    }

    /** A fresh list from the platform knows every release. */
    void forget() {
        releasedHere.clear();
    }

    /** Changes whenever a mark may read differently. */
    public Observable changes() {
        return releasedHere;
    }

    private static String key(String sponsorId, String courseId) {
        return sponsorId + '\n' + courseId;
    }
}
