package org.iqracity.console.platform.service.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.Problem.FieldError;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingNecessity;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingTechnologyDto;

/** R9 as code: what a valid configuration is, and what a learner with given cookie settings gets. */
final class TrackingRules {
    static final int MAX_TECHNOLOGIES = 100;
    static final String NOT_ALLOWED = "NOT_ALLOWED_BY_LEARNER";
    static final String CATEGORY_OFF = "CATEGORY_OFF_IN_COURSE";
    static final String GPC = "GLOBAL_PRIVACY_CONTROL";

    private TrackingRules() {
    }

    /** Every problem with the request, each named by its field path (e.g. {@code technologies[2].optOutUrl}). */
    static List<FieldError> validate(TrackingSettingsRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.categories() == null) {
            errors.add(new FieldError("categories", "List every category once."));
        } else {
            Set<TrackingCategory> seen = EnumSet.noneOf(TrackingCategory.class);
            for (int i = 0; i < r.categories().size(); i++) {
                TrackingCategorySetting c = r.categories().get(i);
                if (c == null || c.category() == null) {
                    errors.add(new FieldError("categories[" + i + "]", "Name the category."));
                } else if (!seen.add(c.category())) {
                    errors.add(new FieldError("categories[" + i + "]", "This category is listed twice."));
                } else if (c.category() == TrackingCategory.STRICTLY_NECESSARY && !c.enabled()) {
                    errors.add(new FieldError("categories[" + i + "].enabled",
                            "Strictly necessary technologies are always on and cannot be switched off."));
                }
            }
            if (errors.isEmpty() && seen.size() != TrackingCategory.values().length) {
                errors.add(new FieldError("categories", "List every category once."));
            }
        }
        if (r.technologies() == null) {
            errors.add(new FieldError("technologies", "Give the list of technologies (it may be empty)."));
        } else if (r.technologies().size() > MAX_TECHNOLOGIES) {
            errors.add(new FieldError("technologies", "At most " + MAX_TECHNOLOGIES + " technologies per course."));
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < r.technologies().size(); i++) {
                validate(r.technologies().get(i), "technologies[" + i + "]", ids, errors);
            }
        }
        return errors;
    }

    private static void validate(TrackingTechnologyDto t, String at, Set<String> ids, List<FieldError> errors) {
        if (t == null) {
            errors.add(new FieldError(at, "Describe the technology."));
            return;
        }
        if (t.id() != null && (!t.id().matches("[a-z0-9-]{1,40}") || !ids.add(t.id()))) {
            errors.add(new FieldError(at + ".id", "Ids are unique, lower-case letters, digits and dashes."));
        }
        text(t.name(), at + ".name", "Give the technology a name.", 100, errors);
        text(t.purpose(), at + ".purpose", "Say in plain words what it is for.", 500, errors);
        text(t.retention(), at + ".retention", "Say how long what it sets is kept.", 100, errors);
        if (t.kind() == null) {
            errors.add(new FieldError(at + ".kind", "Say what kind of technology it is."));
        }
        if (t.category() == null) {
            errors.add(new FieldError(at + ".category", "Choose the purpose category."));
        }
        if (t.party() == null) {
            errors.add(new FieldError(at + ".party", "Say whether it is first or third party."));
        } else if (t.party() == TrackingParty.THIRD_PARTY && blank(t.provider())) {
            errors.add(new FieldError(at + ".provider", "A third-party technology must name its provider."));
        }
        if (t.provider() != null && t.provider().length() > 200) {
            errors.add(new FieldError(at + ".provider", "At most 200 characters."));
        }
        // not contains(null): an immutable list (List.of) throws on it instead of answering
        if (t.runsOn() == null || t.runsOn().isEmpty() || t.runsOn().stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError(at + ".runsOn", "Say where it runs: course pages, course emails or both."));
        }
        if (t.sets() == null || t.sets().size() > 30 || t.sets().stream().anyMatch(s -> blank(s) || s.length() > 200)) {
            errors.add(new FieldError(at + ".sets",
                    "List what it sets (cookie names, domains, pixels, storage keys)."));
        }
        if (!blank(t.optOutUrl()) && !isHttps(t.optOutUrl())) {
            errors.add(new FieldError(at + ".optOutUrl", "An opt-out link must be an https:// address."));
        }
        necessity(t, at, errors);
    }

    /**
     * Strictly necessary runs for every learner, whatever they chose, so the label must not carry consent-bound
     * tracking: advertising words are refused outright, and a third-party technology (or one whose words lean
     * towards marketing) needs a written justification, and is then flagged wherever it is shown.
     */
    private static void necessity(TrackingTechnologyDto t, String at, List<FieldError> errors) {
        String problem = TrackingNecessity.justificationProblem(t.necessityJustification());
        if (problem != null) {
            errors.add(new FieldError(at + ".necessityJustification", problem));
        }
        if (t.category() != TrackingCategory.STRICTLY_NECESSARY) {
            return;
        }
        var ad = TrackingNecessity.advertising(t);
        if (ad.isPresent()) {
            errors.add(new FieldError(at + ".category", "Advertising is never strictly necessary (\""
                    + ad.get().word() + "\" in the " + ad.get().field() + "). File it under marketing, where it "
                    + "applies only to learners who allow marketing."));
        } else if (TrackingNecessity.needsJustification(t) && blank(t.necessityJustification())) {
            var leaning = TrackingNecessity.marketingLeaning(t);
            String why = t.party() == TrackingParty.THIRD_PARTY ? "A third-party technology filed as strictly necessary"
                    : "A technology whose " + leaning.orElseThrow().field() + " reads as marketing (\""
                    + leaning.orElseThrow().word() + "\") filed as strictly necessary";
            errors.add(new FieldError(at + ".necessityJustification", why + " runs even for learners who refused "
                    + "all tracking: say in writing why the course cannot work without it, or choose another "
                            + "category."));
        }
    }

    private static void text(String value, String field, String message, int max, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(new FieldError(field, message));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "At most " + max + " characters."));
        }
    }

    static boolean isHttps(String url) {
        try {
            URI uri = new URI(url.strip());
            return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && url.length() <= 500;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * R9: strictly necessary always; others only where the course uses the category and the learner allows it. A
     * technology filed as necessary whose words read as advertising (stored before such filings were refused) counts
     * as marketing.
     */
    static EffectiveTrackingDto effective(TrackingSettingsRequest settings, boolean analytics, boolean functional,
                                          boolean marketing, boolean gpc) {
        Set<TrackingCategory> courseUses = EnumSet.noneOf(TrackingCategory.class);
        settings.categories().stream().filter(TrackingCategorySetting::enabled)
                .forEach(c -> courseUses.add(c.category()));
        courseUses.add(TrackingCategory.STRICTLY_NECESSARY);
        List<TrackingTechnologyDto> applied = new ArrayList<>();
        List<EffectiveTrackingDto.Withheld> withheld = new ArrayList<>();
        for (TrackingTechnologyDto t : settings.technologies()) {
            String reason = null;
            TrackingCategory category = TrackingNecessity.refused(t) ? TrackingCategory.MARKETING : t.category();
            if (category != TrackingCategory.STRICTLY_NECESSARY) {
                boolean allowed = switch (category) {
                    case PERFORMANCE -> analytics;
                    case FUNCTIONALITY -> functional;
                    case MARKETING -> marketing;
                    case STRICTLY_NECESSARY -> true;
                };
                if (!courseUses.contains(category)) {
                    reason = CATEGORY_OFF;
                } else if (category == TrackingCategory.MARKETING && gpc && settings.honourGlobalPrivacyControl()) {
                    reason = GPC;
                } else if (!allowed) {
                    reason = NOT_ALLOWED;
                }
            }
            TrackingTechnologyDto flagged = TrackingNecessity.withFlag(t);
            if (reason == null) {
                applied.add(flagged);
            } else {
                withheld.add(new EffectiveTrackingDto.Withheld(flagged, reason));
            }
        }
        return new EffectiveTrackingDto(analytics, functional, marketing, gpc, applied, withheld);
    }
}
