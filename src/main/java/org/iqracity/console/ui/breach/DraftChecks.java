package org.iqracity.console.ui.breach;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.Problem;
import org.iqracity.console.ui.breach.DraftViewModel.Step;
import org.iqracity.console.ui.common.Messages;

/**
 * What the officer must fix, shown where and when it helps. A field's message appears once the field was edited or
 * left, or once the officer tried to go on from its step; a draft nobody has touched shows none. The list above the
 * step holds the current step's messages after such a try, and the platform's refusals in words ("Label: message")
 * until a later save is accepted or the field is edited again.
 */
final class DraftChecks {

    private final Messages messages;
    private final Supplier<Map<DraftField, String>> rules;
    private final ReadOnlyObjectProperty<Step> step;
    private final Map<DraftField, ReadOnlyStringWrapper> shown = new EnumMap<>(DraftField.class);
    private final Set<DraftField> touched = EnumSet.noneOf(DraftField.class);
    private final Set<Step> attempted = EnumSet.noneOf(Step.class);
    private final Map<DraftField, String> refused = new EnumMap<>(DraftField.class);
    private final List<String> refusedAsAWhole = new ArrayList<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private Runnable onResolved = () -> { };

    /** @param rules what is wrong with the draft as it stands, by field, in words */
    DraftChecks(Messages messages, Supplier<Map<DraftField, String>> rules, ReadOnlyObjectProperty<Step> step) {
        this.messages = messages;
        this.rules = rules;
        this.step = step;
        for (DraftField f : DraftField.values()) {
            shown.put(f, new ReadOnlyStringWrapper());
        }
        step.addListener(x -> refresh());
    }

    /** Runs whenever the list above the step empties: the banner that sent the officer there goes too. */
    void onResolved(Runnable action) {
        this.onResolved = action;
    }

    /** A new or another draft: nothing touched, nothing tried, nothing refused. */
    void reset() {
        touched.clear();
        attempted.clear();
        refused.clear();
        refusedAsAWhole.clear();
        refresh();
    }

    /** The officer left the field: its message, if any, shows. */
    void touched(DraftField field) {
        if (touched.add(field)) {
            refresh();
        }
    }

    /** The officer changed the field: its message shows, and what the platform said of its old value goes. */
    void edited(DraftField field) {
        touched.add(field);
        refused.remove(field);
        refresh();
    }

    /** The draft changed in a way that may settle a message without naming one field. */
    void changed() {
        refresh();
    }

    /** The officer tries to go on from {@code s}: every message of that step shows. True when there is none. */
    boolean attempt(Step s) {
        attempted.add(s);
        refresh();
        return errors(s).isEmpty();
    }

    /** True when {@code s} holds what it needs, without showing anything. */
    boolean passes(Step s) {
        return errors(s).isEmpty();
    }

    /** The platform refused the draft: its field messages go to their fields and, in words, into the list. */
    void refuse(List<Problem.FieldError> errors, String detail) {
        refused.clear();
        refusedAsAWhole.clear();
        for (Problem.FieldError e : errors == null ? List.<Problem.FieldError>of() : errors) {
            DraftField field = DraftField.of(e.field());
            String message = e.message() == null ? "" : e.message().strip();
            if (field == null) {
                refusedAsAWhole.add(messages.get("breach.field.other") + ": " + message);
            } else {
                refused.merge(field, message, (a, b) -> a.equals(b) ? a : a + " " + b);
            }
        }
        if (refused.isEmpty() && refusedAsAWhole.isEmpty() && detail != null && !detail.isBlank()) {
            refusedAsAWhole.add(detail);
        }
        refresh();
    }

    /** A problem of the draft as a whole, such as a scope that reaches nobody; it goes with the next accepted save. */
    void refuse(String sentence) {
        refused.clear();
        refusedAsAWhole.clear();
        refusedAsAWhole.add(sentence);
        refresh();
    }

    /** The platform accepted a save: what it refused before no longer stands. */
    void accepted() {
        if (refused.isEmpty() && refusedAsAWhole.isEmpty()) {
            return;
        }
        refused.clear();
        refusedAsAWhole.clear();
        refresh();
    }

    ObservableList<String> problems() {
        return problems;
    }

    /** The message shown at a field now; null when there is none to show. */
    ReadOnlyStringProperty message(DraftField field) {
        return shown.get(field).getReadOnlyProperty();
    }

    private Map<DraftField, String> errors(Step s) {
        Map<DraftField, String> out = new EnumMap<>(DraftField.class);
        rules.get().forEach((f, m) -> {
            if (f.step() == s) {
                out.put(f, m);
            }
        });
        return out;
    }

    private void refresh() {
        Map<DraftField, String> now = rules.get();
        for (DraftField f : DraftField.values()) {
            String local = now.get(f);
            boolean visible = local != null && (touched.contains(f) || attempted.contains(f.step()));
            shown.get(f).set(visible ? local : refused.get(f));
        }
        List<String> lines = new ArrayList<>();
        Step current = step.get();
        Set<DraftField> listed = EnumSet.noneOf(DraftField.class);
        if (attempted.contains(current)) {
            errors(current).forEach((f, m) -> {
                lines.add(m);
                listed.add(f);
            });
        }
        refused.forEach((f, m) -> {
            if (!listed.contains(f)) {
                lines.add(f.label(messages) + ": " + m);
            }
        });
        lines.addAll(refusedAsAWhole);
        boolean hadAny = !problems.isEmpty();
        if (!lines.equals(problems)) {
            problems.setAll(lines);
        }
        if (hadAny && lines.isEmpty()) {
            onResolved.run();
        }
    }
}
