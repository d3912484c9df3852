package org.iqracity.console.ui.tracking;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.EffectiveTrackingDto.Withheld;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingNecessity;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;

/**
 * R9 as the platform applies it, so the preview can follow settings that are not saved yet. Keep in step with the
 * platform's effective endpoint: strictly necessary always applies; any other technology needs its category used
 * by the course (else CATEGORY_OFF_IN_COURSE), then for marketing no honoured Global Privacy Control signal, then
 * the learner's consent to the category. A technology filed as necessary whose words read as advertising counts as
 * marketing, and every technology carries the platform's {@link TrackingNecessity} flag.
 */
final class ConsentRules {
    static final String NOT_ALLOWED = "NOT_ALLOWED_BY_LEARNER";
    static final String CATEGORY_OFF = "CATEGORY_OFF_IN_COURSE";
    static final String GPC = "GLOBAL_PRIVACY_CONTROL";

    private ConsentRules() {
    }

    static EffectiveTrackingDto effective(TrackingSettingsRequest settings, boolean analytics, boolean functional,
                                          boolean marketing, boolean gpc) {
        Set<TrackingCategory> used = EnumSet.of(TrackingCategory.STRICTLY_NECESSARY);
        settings.categories().stream().filter(TrackingCategorySetting::enabled).map(TrackingCategorySetting::category)
                .forEach(used::add);
        List<TrackingTechnologyDto> applied = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        for (TrackingTechnologyDto draft : settings.technologies()) {
            TrackingTechnologyDto t = TrackingNecessity.withFlag(draft);
            TrackingCategory category = TrackingNecessity.refused(t) ? TrackingCategory.MARKETING : t.category();
            String reason = reason(category, used, settings.honourGlobalPrivacyControl(), analytics, functional,
                    marketing, gpc);
            if (reason == null) {
                applied.add(t);
            } else {
                withheld.add(new Withheld(t, reason));
            }
        }
        return new EffectiveTrackingDto(analytics, functional, marketing, gpc, applied, withheld);
    }

    private static String reason(TrackingCategory category, Set<TrackingCategory> used, boolean honourGpc,
                                 boolean analytics, boolean functional, boolean marketing, boolean gpc) {
        if (category == null || category == TrackingCategory.STRICTLY_NECESSARY) {
            return null;
        }
        if (!used.contains(category)) {
            return CATEGORY_OFF;
        }
        if (category == TrackingCategory.MARKETING && gpc && honourGpc) {
            return GPC;
        }
        boolean allowed = switch (category) {
            case PERFORMANCE -> analytics;
            case FUNCTIONALITY -> functional;
            case MARKETING -> marketing;
            case STRICTLY_NECESSARY -> true;
        };
        return allowed ? null : NOT_ALLOWED;
    }
}
