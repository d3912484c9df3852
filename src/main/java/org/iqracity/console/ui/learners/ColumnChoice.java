package org.iqracity.console.ui.learners;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.iqracity.console.ui.common.Settings;

/** Which columns of the learners table show: a person's choice, remembered in {@link Settings}. */
final class ColumnChoice {
    static final String KEY = "learners.columns.hidden";

    private final Settings settings;
    private final Map<LearnerColumn, BooleanProperty> shown = new EnumMap<>(LearnerColumn.class);

    ColumnChoice(Settings settings) {
        this.settings = settings;
        Set<String> hidden = settings.get(KEY).map(v -> Arrays.stream(v.split(",")).map(String::strip)
                .collect(Collectors.toSet())).orElse(Set.of());
        for (LearnerColumn c : LearnerColumn.values()) {
            BooleanProperty p = new SimpleBooleanProperty(!c.hideable() || !hidden.contains(id(c)));
            p.addListener((obs, was, now) -> {
                if (!c.hideable() && !now) {
                    p.set(true);
                    return;
                }
                remember();
            });
            shown.put(c, p);
        }
    }

    BooleanProperty shownProperty(LearnerColumn column) {
        return shown.get(column);
    }

    private void remember() {
        settings.put(KEY, shown.entrySet().stream().filter(e -> !e.getValue().get()).map(e -> id(e.getKey()))
                .collect(Collectors.joining(",")));
    }

    private static String id(LearnerColumn c) {
        return c.name().toLowerCase(Locale.ROOT);
    }
}
