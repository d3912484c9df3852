package org.iqracity.console.ui.tracking;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingSurface;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.tracking.Conflict.Clash;
import org.iqracity.console.ui.tracking.Conflict.Side;

/**
 * Two people edited the same version: what each changed is kept, field by field. A field only one of them changed
 * takes that change; a field both changed to the same value is no question; a field both changed to different values
 * is a {@link Clash} for the person to settle, and so is a technology one removed while the other changed it.
 * Technologies are matched by their id, which the platform keeps from version to version.
 *
 * <p>All three settings are expected as the draft writes them (see {@link TrackingDraft#normalized}), so that a value
 * the platform merely stores differently is not taken for a change.
 */
final class SettingsMerge {

    /** The categories a person can switch; strictly necessary is always on. */
    private static final List<TrackingCategory> SWITCHED = List.of(TrackingCategory.PERFORMANCE,
            TrackingCategory.FUNCTIONALITY, TrackingCategory.MARKETING);

    /** The field of a {@link Clash} about a technology as a whole: removed on one side, changed on the other. */
    static final String WHOLE = "";

    /** The field of a {@link Clash} about honouring Global Privacy Control. */
    static final String GPC = "gpc";

    private final TrackingSettingsRequest base;
    private final TrackingSettingsRequest mine;
    private final TrackingSettingsRequest theirs;
    private final List<Clash> clashes;

    private SettingsMerge(TrackingSettingsRequest base, TrackingSettingsRequest mine, TrackingSettingsRequest theirs) {
        this.base = base;
        this.mine = mine;
        this.theirs = theirs;
        this.clashes = List.copyOf(new Run(c -> Side.MINE).clashes);
    }

    /**
     * @param base the version both started from
     * @param mine the draft of the person saving
     * @param theirs the version saved in between
     */
    static SettingsMerge of(TrackingSettingsRequest base, TrackingSettingsRequest mine,
                            TrackingSettingsRequest theirs) {
        return new SettingsMerge(base, mine, theirs);
    }

    /** The fields both sides changed differently, in the order of the form; empty when the merge needs no one. */
    List<Clash> clashes() {
        return clashes;
    }

    /** The merged settings, each clash settled as {@code choices} says (the person's own value when it says none). */
    TrackingSettingsRequest settings(Map<Clash, Side> choices) {
        return new Run(c -> choices.getOrDefault(c, Side.MINE)).merged;
    }

    /** One pass over the three settings, settling clashes with {@code choose} and noting each it met. */
    private final class Run {
        private final Function<Clash, Side> choose;
        private final List<Clash> clashes = new ArrayList<>();
        private final TrackingSettingsRequest merged;

        Run(Function<Clash, Side> choose) {
            this.choose = choose;
            boolean gpc = pick(null, null, GPC, base.honourGlobalPrivacyControl(),
                    mine.honourGlobalPrivacyControl(), theirs.honourGlobalPrivacyControl());
            List<TrackingCategorySetting> categories = new ArrayList<>();
            categories.add(new TrackingCategorySetting(TrackingCategory.STRICTLY_NECESSARY, true));
            for (TrackingCategory category : SWITCHED) {
                categories.add(new TrackingCategorySetting(category, pick(null, null, "category." + category.name(),
                        enabled(base, category), enabled(mine, category), enabled(theirs, category))));
            }
            merged = new TrackingSettingsRequest(gpc, categories, technologies());
        }

        private List<TrackingTechnologyDto> technologies() {
            Map<String, TrackingTechnologyDto> was = byId(base);
            Map<String, TrackingTechnologyDto> mineNow = byId(mine);
            Map<String, TrackingTechnologyDto> theirsNow = byId(theirs);
            List<TrackingTechnologyDto> theirAdded = new ArrayList<>(theirs.technologies().stream()
                    .filter(t -> t.id() == null || !was.containsKey(t.id())).toList());
            List<TrackingTechnologyDto> out = new ArrayList<>();
            for (TrackingTechnologyDto m : mine.technologies()) {
                TrackingTechnologyDto b = m.id() == null ? null : was.get(m.id());
                if (b == null) {
                    TrackingTechnologyDto same = theirAdded.stream().filter(t -> sameContent(t, m)).findFirst()
                            .orElse(null);
                    theirAdded.remove(same);
                    out.add(same == null ? m : same);
                } else if (theirsNow.containsKey(m.id())) {
                    out.add(technology(b, m, theirsNow.get(m.id())));
                } else if (!m.equals(b) && settle(new Clash(m.id(), m.name(), WHOLE, m, null)) == Side.MINE) {
                    out.add(m);
                }
            }
            for (TrackingTechnologyDto b : base.technologies()) {
                TrackingTechnologyDto t = theirsNow.get(b.id());
                if (!mineNow.containsKey(b.id()) && t != null && !t.equals(b)
                        && settle(new Clash(b.id(), t.name(), WHOLE, null, t)) == Side.THEIRS) {
                    out.add(t);
                }
            }
            out.addAll(theirAdded);
            return out;
        }

        private TrackingTechnologyDto technology(TrackingTechnologyDto b, TrackingTechnologyDto m,
                                                 TrackingTechnologyDto t) {
            Map<String, Object> v = new LinkedHashMap<>();
            String name = Objects.equals(m.name(), t.name()) || !Objects.equals(b.name(), m.name()) ? m.name()
                    : t.name();
            SettingsDiff.FIELDS.forEach((field, get) -> v.put(field,
                    pick(m.id(), name, field, get.apply(b), get.apply(m), get.apply(t))));
            return build(m.id(), v);
        }

        private <T> T pick(String technology, String name, String field, T b, T m, T t) {
            if (Objects.equals(m, t) || Objects.equals(b, t)) {
                return m;
            }
            if (Objects.equals(b, m)) {
                return t;
            }
            return settle(new Clash(technology, name, field, m, t)) == Side.THEIRS ? t : m;
        }

        private Side settle(Clash clash) {
            clashes.add(clash);
            return choose.apply(clash);
        }
    }

    @SuppressWarnings("unchecked")
    private static TrackingTechnologyDto build(String id, Map<String, Object> v) {
        return new TrackingTechnologyDto(id, (String) v.get("name"), (TrackingKind) v.get("kind"),
                (TrackingParty) v.get("party"), (String) v.get("provider"), (TrackingCategory) v.get("category"),
                (String) v.get("purpose"), (List<String>) v.get("sets"), (String) v.get("retention"),
                (List<TrackingSurface>) v.get("runsOn"), (String) v.get("optOutUrl"),
                (String) v.get("necessityJustification"), null);
    }

    /** Both added the same technology: one of them is enough. */
    private static boolean sameContent(TrackingTechnologyDto a, TrackingTechnologyDto b) {
        return SettingsDiff.FIELDS.values().stream().allMatch(get -> Objects.equals(get.apply(a), get.apply(b)));
    }

    private static Map<String, TrackingTechnologyDto> byId(TrackingSettingsRequest r) {
        Map<String, TrackingTechnologyDto> out = new LinkedHashMap<>();
        r.technologies().stream().filter(t -> t.id() != null).forEach(t -> out.put(t.id(), t));
        return out;
    }

    private static boolean enabled(TrackingSettingsRequest r, TrackingCategory category) {
        return r.categories().stream().anyMatch(c -> c.category() == category && c.enabled());
    }
}
