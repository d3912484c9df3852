package org.iqracity.console.ui.breach;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** Step 5: everything at a glance before it goes to a second officer for approval. */
final class SubmitStep extends SideBySide {

    private final DraftViewModel vm;
    private final Messages messages;
    private final BreachWords words;
    private final BreachFormat format;
    private final FormGrid summary = new FormGrid();

    SubmitStep(DraftViewModel vm, Messages messages, BreachWords words, BreachFormat format) {
        super(16, 380);
        this.vm = vm;
        this.messages = messages;
        this.words = words;
        this.format = format;
        setId("submitStep");
        Button submit = new Button(messages.get("breach.submit"), Icons.of(AppIcon.SEND));
        submit.setId("submitDraft");
        submit.getStyleClass().add(Styles.ACCENT);
        submit.disableProperty().bind(vm.savingProperty());
        submit.setOnAction(e -> vm.submit());
        Label note = new Label(messages.get("breach.submit.note"), Icons.of(AppIcon.SHIELD_CHECK));
        note.setWrapText(true);
        note.getStyleClass().add(Css.HINT);
        HBox action = new HBox(12, submit);
        action.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(16, summary, note, action);
        CountsCard counts = new CountsCard("submitCounts", vm.previewProperty(), vm.previewStateProperty(),
                vm.previewErrorProperty(), messages, format);
        set(left, counts);
        vm.stepProperty().addListener((obs, old, now) -> {
            if (now == DraftViewModel.Step.SUBMIT) {
                fill();
            }
        });
        fill();
    }

    private void fill() {
        summary.getChildren().clear();
        summary.add(messages.get("breach.facts.title"), value(vm.titleProperty().get()));
        Instant discovered = vm.discoveredAtProperty().get();
        summary.add(messages.get("breach.facts.discovered"), value(format.when(discovered)));
        if (discovered != null) {
            summary.add(messages.get("breach.submit.deadline"),
                    value(format.when(discovered.plus(Duration.ofHours(72)))));
        }
        List<DataCategory> categories = Arrays.stream(DataCategory.values())
                .filter(c -> vm.categoryProperty(c).get()).toList();
        summary.add(messages.get("breach.facts.categories"), value(categories.isEmpty()
                ? messages.get("breach.submit.none") : words.categories(categories)));
        summary.add(messages.get("breach.submit.scope"), value(scope()));
        Label subject = value(vm.filledSubject());
        subject.setId("submitSubject");
        summary.add(messages.get("breach.editor.subject"), subject);
        summary.hint(messages.get("breach.submit.filled"));
    }

    private String scope() {
        if (!vm.scopeChosenProperty().get()) {
            return messages.get("breach.submit.scopeNone");
        }
        if (vm.modeProperty().get() == ScopeMode.LIST) {
            return messages.format("breach.submit.scopeList", vm.listCountProperty().get());
        }
        List<String> courses = vm.courses().stream().filter(c -> c.selectedProperty().get())
                .map(c -> c.course().title()).toList();
        String text = vm.everyCourseProperty().get() || courses.isEmpty()
                ? messages.get("breach.submit.allCourses") : String.join(", ", courses);
        if (vm.enrolledFromProperty().get() != null || vm.enrolledToProperty().get() != null) {
            text += "; " + messages.format("breach.submit.enrolled",
                    vm.enrolledFromProperty().get() == null ? "\u2026" : vm.enrolledFromProperty().get().toString(),
                    vm.enrolledToProperty().get() == null ? "\u2026" : vm.enrolledToProperty().get().toString());
        }
        List<DataCategory> held = Arrays.stream(DataCategory.values())
                .filter(c -> vm.holdingProperty(c).get()).toList();
        if (!held.isEmpty()) {
            text += "; " + messages.format("breach.submit.holding", words.categories(held));
        }
        return text;
    }

    private static Label value(String text) {
        Label l = new Label(text == null || text.isBlank() ? "\u2014" : text);
        l.setWrapText(true);
        return l;
    }
}
