package org.iqracity.console.client;

import okhttp3.HttpUrl;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.RosterView;

/**
 * Writes a {@link LearnerQuery} as the query string of {@code GET /courses/{id}/learners}, and a {@link RosterView} as
 * that of {@code GET /courses/{id}/roster}; nulls are left out.
 */
final class LearnerQueryUrl {

    private LearnerQueryUrl() {
    }

    static HttpUrl of(HttpUrl path, LearnerQuery query) {
        HttpUrl.Builder url = search(path, query);
        add(url, "limit", query.limit() > 0 ? query.limit() : null);
        add(url, "cursor", query.cursor());
        add(url, "at", query.at());
        return url.build();
    }

    /** The search, filters and order of {@code view}, as the roster of a view takes them: the list's, no paging. */
    static HttpUrl view(HttpUrl path, RosterView view) {
        return search(path, view.query()).build();
    }

    private static HttpUrl.Builder search(HttpUrl path, LearnerQuery query) {
        HttpUrl.Builder url = path.newBuilder();
        add(url, "q", query.q() == null || query.q().isBlank() ? null : query.q().strip());
        add(url, "mode", query.mode() == null ? null : query.mode().name());
        add(url, "active", query.active());
        add(url, "passed", query.passed());
        add(url, "country", query.countries().isEmpty() ? null : String.join(",", query.countries()));
        add(url, "minProgress", query.minProgress());
        add(url, "maxProgress", query.maxProgress());
        add(url, "minGrade", query.minGrade());
        add(url, "maxGrade", query.maxGrade());
        add(url, "inactiveDays", query.inactiveDays());
        add(url, "sort", query.sort() == null ? null : query.sort().wire(query.descending()));
        return url;
    }

    private static void add(HttpUrl.Builder url, String name, Object value) {
        if (value != null) {
            url.addQueryParameter(name, value.toString());
        }
    }
}
