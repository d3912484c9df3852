package org.iqracity.console.ui.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.common.Messages;

/** What differs between two versions of a course's tracking settings, as sentences a person can check. */
final class SettingsDiff {

    /** A technology's fields, in the form's order, each read from a version (the merge uses them too). */
    static final Map<String, Function<TrackingTechnologyDto, Object>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", TrackingTechnologyDto::name);
        FIELDS.put("kind", TrackingTechnologyDto::kind);
        FIELDS.put("party", TrackingTechnologyDto::party);
        FIELDS.put("provider", TrackingTechnologyDto::provider);
        FIELDS.put("category", TrackingTechnologyDto::category);
        FIELDS.put("purpose", TrackingTechnologyDto::purpose);
        FIELDS.put("sets", TrackingTechnologyDto::sets);
        FIELDS.put("retention", TrackingTechnologyDto::retention);
        FIELDS.put("runsOn", TrackingTechnologyDto::runsOn);
        FIELDS.put("optOutUrl", TrackingTechnologyDto::optOutUrl);
        FIELDS.put("necessityJustification", TrackingTechnologyDto::necessityJustification);
    }

    private final Messages messages;
    private final ValueText words;

    SettingsDiff(Messages messages) {
        this.messages = messages;
        this.words = new ValueText(messages);
    }

    /** From {@code before} to {@code after}, a changed technology on one line naming its fields; empty when same. */
    List<String> describe(TrackingSettingsRequest before, TrackingSettingsRequest after) {
        return describe(before, after, false);
    }

    /**
     * As {@link #describe}, but each changed field of a technology on a line of its own, with its value before and
     * after in the form's words: "Course analytics, retention: 13 months → 26 months".
     */
    List<String> describeValues(TrackingSettingsRequest before, TrackingSettingsRequest after) {
        return describe(before, after, true);
    }

    private List<String> describe(TrackingSettingsRequest before, TrackingSettingsRequest after, boolean values) {
        List<String> lines = new ArrayList<>();
        if (before.honourGlobalPrivacyControl() != after.honourGlobalPrivacyControl()) {
            lines.add(messages.get(after.honourGlobalPrivacyControl() ? "tracking.diff.gpcOn"
                    : "tracking.diff.gpcOff"));
        }
        for (TrackingCategory category : TrackingCategory.values()) {
            boolean was = enabled(before, category);
            boolean is = enabled(after, category);
            if (was != is) {
                lines.add(messages.format(is ? "tracking.diff.categoryOn" : "tracking.diff.categoryOff",
                        messages.get("tracking.category." + category.name())));
            }
        }
        List<TrackingTechnologyDto> unmatched = new ArrayList<>(before.technologies());
        for (TrackingTechnologyDto now : after.technologies()) {
            TrackingTechnologyDto was = unmatched.stream().filter(b -> same(b, now)).findFirst().orElse(null);
            if (was == null) {
                lines.add(messages.format("tracking.diff.added", now.name()));
                continue;
            }
            unmatched.remove(was);
            List<String> changed = new ArrayList<>();
            FIELDS.forEach((field, get) -> {
                if (Objects.equals(get.apply(was), get.apply(now))) {
                    return;
                }
                changed.add(words.field(field));
                if (values) {
                    lines.add(messages.format("tracking.diff.value", now.name(), words.field(field),
                            words.value(get.apply(was)), words.value(get.apply(now))));
                }
            });
            if (!changed.isEmpty() && !values) {
                lines.add(messages.format("tracking.diff.changed", now.name(), String.join(", ", changed)));
            }
        }
        unmatched.forEach(gone -> lines.add(messages.format("tracking.diff.removed", gone.name())));
        return lines;
    }

    /** The platform keeps a technology's id across versions; a new one has none until it is saved. */
    private static boolean same(TrackingTechnologyDto a, TrackingTechnologyDto b) {
        if (a.id() != null && b.id() != null) {
            return a.id().equals(b.id());
        }
        return Objects.equals(a.name(), b.name());
    }

    private static boolean enabled(TrackingSettingsRequest r, TrackingCategory category) {
        return category == TrackingCategory.STRICTLY_NECESSARY || r.categories().stream()
                .anyMatch(c -> c.category() == category && c.enabled());
    }
}
