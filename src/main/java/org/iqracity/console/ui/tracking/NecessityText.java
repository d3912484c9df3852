package org.iqracity.console.ui.tracking;

import org.iqracity.console.api.NecessityFlag;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingNecessity;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.ui.common.Messages;

/**
 * R9 in words for the course administrator: the warning while a technology is filed as strictly necessary when it
 * may not be, and the flag the platform (or the preview) puts on one. The rule itself is
 * {@link TrackingNecessity}, shared with the platform.
 */
final class NecessityText {
    private final Messages messages;

    NecessityText(Messages messages) {
        this.messages = messages;
    }

    /** What to warn about while {@code t} is being edited, or null. */
    String warning(TrackingTechnologyDto t) {
        if (t.category() != TrackingCategory.STRICTLY_NECESSARY) {
            return null;
        }
        var ad = TrackingNecessity.advertising(t);
        if (ad.isPresent()) {
            return messages.format("tracking.necessity.warn.advertising", ad.get().word(),
                    messages.get("tracking.field." + ad.get().field()).toLowerCase(messages.locale()));
        }
        if (t.party() == TrackingParty.THIRD_PARTY) {
            return messages.get("tracking.necessity.warn.thirdParty");
        }
        return TrackingNecessity.marketingLeaning(t).map(m -> messages.format("tracking.necessity.warn.marketing",
                m.word(), messages.get("tracking.field." + m.field()).toLowerCase(messages.locale()))).orElse(null);
    }

    /** The flag of {@code t} as a short sentence, or null when it has none. */
    String flag(TrackingTechnologyDto t) {
        NecessityFlag flag = t.necessityFlag();
        return flag == null ? null : messages.get("tracking.flag." + flag.name());
    }

    /** "Name: flag. Justification: ..." for a history line. */
    String flagLine(TrackingTechnologyDto t) {
        String line = t.name() + ": " + flag(t);
        if (t.necessityJustification() != null && !t.necessityJustification().isBlank()) {
            line += " " + messages.format("tracking.flag.justification", t.necessityJustification());
        }
        return line;
    }
}
