package org.iqracity.console.ui.breach;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** The guided draft: the five steps across the top, the current one in the middle, back and next below. */
final class DraftFlowView extends BorderPane {

    private final DraftViewModel vm;
    private final Messages messages;
    private final Map<DraftViewModel.Step, Button> stepButtons = new EnumMap<>(DraftViewModel.Step.class);
    private final Map<DraftViewModel.Step, String> stepNames = new EnumMap<>(DraftViewModel.Step.class);
    private final HBox bar = new HBox(6);
    /** How wide the steps are with every name written out; 0 until measured. */
    private double fullWidth;
    private final Map<DraftViewModel.Step, Node> bodies = new EnumMap<>(DraftViewModel.Step.class);
    private final ScrollPane scroll = new ScrollPane();
    private final Message problems = new Message();

    DraftFlowView(DraftViewModel vm, IncidentViewModel incident, Messages messages, BreachWords words,
                  BreachFormat format, ZoneId zone) {
        this.vm = vm;
        this.messages = messages;
        setId("draftFlow");
        bodies.put(DraftViewModel.Step.FACTS, new FactsStep(vm, messages, words, zone));
        bodies.put(DraftViewModel.Step.SCOPE, new ScopeStep(vm, messages, words, format));
        bodies.put(DraftViewModel.Step.CHANNELS, new ChannelsStep(vm, messages, format));
        bodies.put(DraftViewModel.Step.NOTICE, new NoticeStep(vm, incident, messages, words));
        bodies.put(DraftViewModel.Step.SUBMIT, new SubmitStep(vm, messages, words, format));
        setTop(steps());
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Css.STEP_BODY);
        problems.setId("draftProblems");
        problems.getStyleClass().add(Styles.DANGER);
        problems.setGraphic(Icons.of(AppIcon.ERROR));
        problems.setTitle(messages.get("breach.problems"));
        problems.managedProperty().bind(problems.visibleProperty());
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems());
        showProblems();
        VBox center = new VBox(problems, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setCenter(center);
        setBottom(footer());
        vm.stepProperty().addListener((obs, old, now) -> show(now));
        show(vm.stepProperty().get());
    }

    private Node steps() {
        bar.getStyleClass().add(Css.STEPS);
        bar.setAlignment(Pos.CENTER_LEFT);
        int n = 1;
        for (DraftViewModel.Step step : DraftViewModel.Step.values()) {
            String name = messages.format("breach.flow.step", n++, messages.get("breach.flow." + step.name()));
            Button b = new Button(name);
            b.setTooltip(new Tooltip(name));
            stepNames.put(step, name);
            b.setId("step-" + step.name().toLowerCase(Locale.ROOT));
            b.getStyleClass().addAll(Css.STEP, Styles.FLAT);
            b.setOnAction(e -> vm.goTo(step));
            stepButtons.put(step, b);
            if (step.ordinal() > 0) {
                Label arrow = new Label("\u203a");
                arrow.getStyleClass().add(Css.HINT);
                bar.getChildren().add(arrow);
            }
            bar.getChildren().add(b);
        }
        bar.widthProperty().addListener(x -> fitSteps());
        return bar;
    }

    /**
     * Every step by number and name while they fit; when the window is narrow, the other steps by number only (the
     * name in their tooltip), the current one always whole: no step reads as "2 Who was affe\u2026".
     */
    private void fitSteps() {
        double available = bar.getWidth() - bar.snappedLeftInset() - bar.snappedRightInset();
        if (available <= 0 || bar.getScene() == null) {
            return;
        }
        if (fullWidth == 0) {
            stepButtons.forEach((s, b) -> b.setText(stepNames.get(s)));
            bar.applyCss();
            fullWidth = bar.getSpacing() * (bar.getChildren().size() - 1);
            for (Node n : bar.getChildren()) {
                fullWidth += n.prefWidth(-1);
            }
        }
        boolean compact = available < fullWidth;
        DraftViewModel.Step current = vm.stepProperty().get();
        stepButtons.forEach((s, b) -> {
            String name = stepNames.get(s);
            b.setText(compact && s != current ? name.substring(0, name.indexOf(' ')).strip() : name);
        });
    }

    private Node savedState() {
        Label saved = new Label();
        saved.setId("draftSavedState");
        saved.setMinWidth(Region.USE_PREF_SIZE);
        saved.getStyleClass().add(Css.HINT);
        Runnable savedText = () -> saved.setText(messages.get(vm.savingProperty().get() ? "breach.flow.saving"
                : vm.dirtyProperty().get() ? "breach.flow.unsaved"
                : vm.savedProperty().get() ? "breach.flow.saved" : "breach.flow.new"));
        vm.savingProperty().addListener(x -> savedText.run());
        vm.dirtyProperty().addListener(x -> savedText.run());
        vm.savedProperty().addListener(x -> savedText.run());
        savedText.run();
        return saved;
    }

    private Node footer() {
        Button back = new Button(messages.get("breach.flow.back"), Icons.of(AppIcon.BACK));
        back.setId("flowBack");
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.stepProperty().isEqualTo(DraftViewModel.Step.FACTS)
                .or(vm.savingProperty()));
        Button save = new Button(messages.get("breach.flow.saveDraft"), Icons.of(AppIcon.SAVE));
        save.setId("saveDraft");
        save.disableProperty().bind(vm.savingProperty().or(vm.dirtyProperty().not().and(vm.savedProperty())));
        save.setOnAction(e -> vm.save());
        Button next = new Button(messages.get("breach.flow.next"), Icons.of(AppIcon.NEXT));
        next.setId("flowNext");
        next.setContentDisplay(ContentDisplay.RIGHT);
        next.getStyleClass().add(Styles.ACCENT);
        next.disableProperty().bind(vm.savingProperty());
        next.visibleProperty().bind(vm.stepProperty().isNotEqualTo(DraftViewModel.Step.SUBMIT));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> vm.next());
        HBox footer = new HBox(10, back, new Spacer(), savedState(), save, next);
        footer.setAlignment(Pos.CENTER_LEFT);
        footer.getStyleClass().add(Css.FLOW_FOOTER);
        return footer;
    }

    private void show(DraftViewModel.Step step) {
        stepButtons.forEach((s, b) -> {
            b.getStyleClass().remove(Css.STEP_CURRENT);
            if (s == step) {
                b.getStyleClass().add(Css.STEP_CURRENT);
            }
        });
        scroll.setContent(bodies.get(step));
        scroll.setVvalue(0);
        fitSteps();
    }

    private void showProblems() {
        boolean any = !vm.problems().isEmpty();
        problems.setVisible(any);
        if (any) {
            problems.setDescription("\u2022 " + String.join("\n\u2022 ", vm.problems()));
        }
    }
}
