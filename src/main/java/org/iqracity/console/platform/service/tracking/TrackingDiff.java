package org.iqracity.console.platform.service.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;

/** What changed between two versions of tracking settings, in sentences a course administrator reads. */
final class TrackingDiff {
    private TrackingDiff() {
    }

    static List<String> describe(TrackingSettingsRequest before, TrackingSettingsRequest after) {
        List<String> out = new ArrayList<>();
        if (before.honourGlobalPrivacyControl() != after.honourGlobalPrivacyControl()) {
            out.add(after.honourGlobalPrivacyControl() ? "Global Privacy Control is now honoured as a marketing opt-out"
                    : "Global Privacy Control is no longer honoured as a marketing opt-out");
        }
        Map<Object, Boolean> was = before.categories().stream()
                .collect(Collectors.toMap(TrackingCategorySetting::category, TrackingCategorySetting::enabled));
        for (TrackingCategorySetting c : after.categories()) {
            Boolean old = was.get(c.category());
            if (old != null && old != c.enabled()) {
                out.add(label(c.category().name()) + (c.enabled() ? " switched on" : " switched off"));
            }
        }
        Map<String, TrackingTechnologyDto> oldById = byId(before.technologies());
        Map<String, TrackingTechnologyDto> newById = byId(after.technologies());
        for (TrackingTechnologyDto t : after.technologies()) {
            TrackingTechnologyDto old = oldById.get(t.id());
            if (old == null) {
                out.add("Added " + t.name());
            } else if (!fieldsChanged(old, t).isEmpty()) {
                out.add("Changed " + t.name() + ": " + String.join(", ", fieldsChanged(old, t)));
            }
        }
        for (TrackingTechnologyDto t : before.technologies()) {
            if (!newById.containsKey(t.id())) {
                out.add("Removed " + t.name());
            }
        }
        if (out.isEmpty()) {
            out.add("No change in content");
        }
        return out;
    }

    private static List<String> fieldsChanged(TrackingTechnologyDto a, TrackingTechnologyDto b) {
        List<String> f = new ArrayList<>();
        compare(f, "name", a.name(), b.name());
        compare(f, "kind", a.kind(), b.kind());
        compare(f, "party", a.party(), b.party());
        compare(f, "provider", a.provider(), b.provider());
        compare(f, "category", a.category(), b.category());
        compare(f, "purpose", a.purpose(), b.purpose());
        compare(f, "what it sets", a.sets(), b.sets());
        compare(f, "retention", a.retention(), b.retention());
        compare(f, "where it runs", a.runsOn(), b.runsOn());
        compare(f, "opt-out link", a.optOutUrl(), b.optOutUrl());
        compare(f, "necessity justification", a.necessityJustification(), b.necessityJustification());
        return f;
    }

    private static void compare(List<String> out, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(field);
        }
    }

    private static Map<String, TrackingTechnologyDto> byId(List<TrackingTechnologyDto> list) {
        return list.stream().collect(Collectors.toMap(TrackingTechnologyDto::id, Function.identity(), (x, y) -> x));
    }

    private static String label(String enumName) {
        String s = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
