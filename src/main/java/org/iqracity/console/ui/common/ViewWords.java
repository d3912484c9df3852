package org.iqracity.console.ui.common;

import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.RosterView;

/**
 * A view of a course's learners (search, filters, order) in the words of the Learners screen's chips:
 * "Search “chen” · Country: DE, KE · Sorted by name". Said where a roster of a view is exported and where one is
 * opened offline, so both read the same.
 */
public final class ViewWords {
    private static final String SEPARATOR = " \u00b7 ";

    private final Messages messages;

    public ViewWords(Messages messages) {
        this.messages = messages;
    }

    public String describe(RosterView view) {
        List<String> parts = new ArrayList<>();
        if (view.searched()) {
            parts.add(messages.format("view.search", view.q()));
        }
        if (view.mode() != null) {
            parts.add(messages.format("learners.chip.mode", messages.get("learners.mode." + view.mode().name())));
        }
        if (view.active() != null) {
            parts.add(messages.get(view.active() ? "learners.filter.active.YES" : "learners.filter.active.NO"));
        }
        if (view.passed() != null) {
            parts.add(messages.get(view.passed() ? "learners.filter.passed.YES" : "learners.filter.passed.NO"));
        }
        if (!view.countries().isEmpty()) {
            parts.add(messages.format("learners.chip.countries", String.join(", ", view.countries())));
        }
        if (view.minProgress() != null || view.maxProgress() != null) {
            parts.add(messages.format("learners.chip.progress", percent(view.minProgress(), 0),
                    percent(view.maxProgress(), 1)));
        }
        if (view.minGrade() != null || view.maxGrade() != null) {
            parts.add(messages.format("learners.chip.grade", percent(view.minGrade(), 0), percent(view.maxGrade(), 1)));
        }
        if (view.inactiveDays() != null) {
            parts.add(messages.format("learners.chip.inactive", view.inactiveDays()));
        }
        String by = messages.get("view.sort." + view.sort().name());
        parts.add(messages.format(view.descending() ? "view.sorted.descending" : "view.sorted", by));
        return String.join(SEPARATOR, parts);
    }

    /**
     * The description of a view as a roster holds it ({@link RosterView#text}); a text this console cannot read (a
     * newer platform's) is shown as it stands, which is still the list's query string.
     */
    public String describe(String viewText) {
        try {
            return describe(RosterView.parse(viewText));
        } catch (IllegalArgumentException e) {
            return viewText;
        }
    }

    private static long percent(Double fraction, double otherwise) {
        return Math.round((fraction == null ? otherwise : fraction) * 100);
    }
}
