package org.iqracity.console.ui.tracking;

import java.util.List;
import java.util.stream.Collectors;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.api.TrackingSurface;
import org.iqracity.console.ui.common.Messages;

/** A setting's field and its value in the words the form shows them: "Third party", not THIRD_PARTY. */
final class ValueText {

    private final Messages messages;

    ValueText(Messages messages) {
        this.messages = messages;
    }

    /** The field's label as the form names it, for use inside a sentence. */
    String field(String field) {
        if (SettingsMerge.GPC.equals(field)) {
            return messages.get("tracking.gpc");
        }
        if (field.startsWith("category.")) {
            return messages.get("tracking.category." + field.substring("category.".length()));
        }
        return messages.get("tracking.field." + field).toLowerCase(messages.locale());
    }

    /** A value of a field; "(none)" for nothing. */
    String value(Object value) {
        return switch (value) {
            case null -> messages.get("tracking.value.none");
            case Boolean on -> messages.get(on ? "tracking.value.on" : "tracking.value.off");
            case TrackingKind kind -> messages.get("tracking.kind." + kind.name());
            case TrackingParty party -> messages.get("tracking.party." + party.name());
            case TrackingCategory category -> messages.get("tracking.category." + category.name());
            case TrackingSurface surface -> messages.get("tracking.surface." + surface.name());
            case List<?> list when list.isEmpty() -> messages.get("tracking.value.none");
            case List<?> list -> list.stream().map(this::value).collect(Collectors.joining(", "));
            case String s when s.isBlank() -> messages.get("tracking.value.none");
            default -> value.toString();
        };
    }
}
