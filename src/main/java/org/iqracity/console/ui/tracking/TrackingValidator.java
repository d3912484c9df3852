package org.iqracity.console.ui.tracking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.iqracity.console.api.TrackingNecessity;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.common.Messages;

/**
 * The checks the console can make before saving, with the platform's field names, so that a mistake is shown at
 * the field at once. The platform checks again and has the last word; its answers land on the same fields.
 */
final class TrackingValidator {
    static final int MAX_TECHNOLOGIES = 100;

    private final Messages messages;

    TrackingValidator(Messages messages) {
        this.messages = messages;
    }

    /** Problems of one technology by field name ({@code name}, {@code provider}, {@code optOutUrl}...). */
    Map<String, String> check(TrackingTechnologyDto t) {
        Map<String, String> errors = new LinkedHashMap<>();
        text(t.name(), "name", 100, errors);
        text(t.purpose(), "purpose", 500, errors);
        text(t.retention(), "retention", 100, errors);
        if (t.party() == TrackingParty.THIRD_PARTY && blank(t.provider())) {
            errors.put("provider", messages.get("tracking.invalid.provider"));
        } else if (t.provider() != null && t.provider().length() > 200) {
            errors.put("provider", messages.format("tracking.invalid.tooLong", 200));
        }
        if (t.runsOn() == null || t.runsOn().isEmpty()) {
            errors.put("runsOn", messages.get("tracking.invalid.runsOn"));
        }
        if (t.sets() != null && (t.sets().size() > 30 || t.sets().stream().anyMatch(s -> s.length() > 200))) {
            errors.put("sets", messages.get("tracking.invalid.sets"));
        }
        if (!blank(t.optOutUrl()) && !isHttps(t.optOutUrl())) {
            errors.put("optOutUrl", messages.get("tracking.invalid.optOutUrl"));
        }
        necessity(t, errors);
        return errors;
    }

    /** As the platform: advertising is never necessary; a third party (or marketing words) needs a justification. */
    private void necessity(TrackingTechnologyDto t, Map<String, String> errors) {
        if (TrackingNecessity.refused(t)) {
            errors.put("category", messages.get("tracking.invalid.advertisingNecessary"));
        }
        String j = t.necessityJustification();
        if (blank(j)) {
            if (TrackingNecessity.needsJustification(t) && !TrackingNecessity.refused(t)) {
                errors.put("necessityJustification", messages.get("tracking.invalid.necessityJustification"));
            }
        } else if (j.length() > TrackingNecessity.MAX_JUSTIFICATION) {
            errors.put("necessityJustification",
                    messages.format("tracking.invalid.tooLong", TrackingNecessity.MAX_JUSTIFICATION));
        } else if (TrackingNecessity.justificationProblem(j) != null) {
            errors.put("necessityJustification", messages.format("tracking.invalid.justificationText",
                    TrackingNecessity.MIN_JUSTIFICATION));
        }
    }

    private void text(String value, String field, int max, Map<String, String> errors) {
        if (blank(value)) {
            errors.put(field, messages.get("tracking.invalid." + field));
        } else if (value.length() > max) {
            errors.put(field, messages.format("tracking.invalid.tooLong", max));
        }
    }

    static boolean isHttps(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getScheme() != null && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && url.length() <= 500;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
