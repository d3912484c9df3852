package org.iqracity.console.ui.breach;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/**
 * Step 2: who was affected, by courses and filters or as a list, with the counts beside it as the platform resolves
 * them. Nothing is chosen for the officer: every course of the Member is a box to tick, not what an untouched step
 * means.
 */
final class ScopeStep extends SideBySide {

    private final Messages messages;
    private final BreachFormat format;

    ScopeStep(DraftViewModel vm, Messages messages, BreachWords words, BreachFormat format) {
        super(16, 400);
        this.messages = messages;
        this.format = format;
        setId("scopeStep");
        ToggleGroup group = new ToggleGroup();
        RadioButton byFilter = new RadioButton(messages.get("breach.scope.byFilter"));
        byFilter.setId("scopeByFilter");
        byFilter.setToggleGroup(group);
        RadioButton byList = new RadioButton(messages.get("breach.scope.byList"));
        byList.setId("scopeByList");
        byList.setToggleGroup(group);
        Runnable showMode = () -> group.selectToggle(vm.modeProperty().get() == null ? null
                : vm.modeProperty().get() == ScopeMode.LIST ? byList : byFilter);
        vm.modeProperty().addListener(x -> showMode.run());
        showMode.run();
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                vm.modeProperty().set(now == byList ? ScopeMode.LIST : ScopeMode.FILTER);
            }
        });
        HBox modes = new HBox(20, byFilter, byList);
        modes.setId("scopeModes");
        Label ask = new Label(messages.get("breach.scope.ask"));
        ask.setWrapText(true);
        ask.getStyleClass().add(Css.HINT);
        Label reach = reach(vm);

        VBox filters = filters(vm, messages, words);
        filters.visibleProperty().bind(byFilter.selectedProperty());
        filters.managedProperty().bind(filters.visibleProperty());
        VBox list = list(vm, messages);
        list.visibleProperty().bind(byList.selectedProperty());
        list.managedProperty().bind(list.visibleProperty());
        Label rule = new Label(messages.get("breach.scope.rule"), Icons.of(AppIcon.LOCK));
        rule.setWrapText(true);
        rule.getStyleClass().add(Css.HINT);
        VBox left = new VBox(14, new VBox(8, ask, FormGrid.checked(modes, vm, DraftField.SCOPE), reach), filters,
                list, rule);

        CountsCard counts = new CountsCard("scopeCounts", vm.previewProperty(), vm.previewStateProperty(),
                vm.previewErrorProperty(), messages, format);
        VBox right = new VBox(12, counts, outsiders(vm, messages));
        set(left, right);
    }

    /** What the choice reaches, as the platform counted it; nothing while no choice is made. */
    private Label reach(DraftViewModel vm) {
        Label reach = new Label();
        reach.setId("scopeReach");
        reach.setWrapText(true);
        reach.setGraphic(Icons.of(AppIcon.PEOPLE));
        reach.setStyle("-fx-font-weight: bold;");
        Runnable show = () -> {
            BreachPreviewDto p = vm.previewProperty().get();
            DraftViewModel.PreviewState state = vm.previewStateProperty().get();
            boolean chosen = vm.scopeChosenProperty().get();
            reach.setText(!chosen ? "" : state == DraftViewModel.PreviewState.LOADING || p == null
                    ? messages.get("breach.scope.reachCounting")
                    : messages.format("breach.scope.reach", p.learners(), format.count(p.learners())));
            reach.setVisible(chosen);
            reach.setManaged(chosen);
        };
        vm.previewProperty().addListener(x -> show.run());
        vm.previewStateProperty().addListener(x -> show.run());
        vm.scopeChosenProperty().addListener(x -> show.run());
        show.run();
        return reach;
    }

    private VBox filters(DraftViewModel vm, Messages messages, BreachWords words) {
        CheckBox every = new CheckBox();
        every.setId("scopeEveryCourse");
        every.setWrapText(true);
        every.setMnemonicParsing(false);
        every.selectedProperty().bindBidirectional(vm.everyCourseProperty());
        Runnable name = () -> every.setText(messages.format("breach.scope.everyCourse", vm.memberName()));
        vm.stepProperty().addListener(x -> name.run());
        name.run();
        ListView<DraftViewModel.CourseChoice> courses = new ListView<>(vm.courses());
        courses.setId("scopeCourses");
        courses.setPrefHeight(150);
        courses.disableProperty().bind(vm.everyCourseProperty());
        StringConverter<DraftViewModel.CourseChoice> names = new StringConverter<>() {
            @Override
            public String toString(DraftViewModel.CourseChoice c) {
                return c == null ? "" : c.course().title() + "  \u00b7  " + c.course().number() + " "
                        + c.course().run();
            }

            @Override
            public DraftViewModel.CourseChoice fromString(String s) {
                return null;
            }
        };
        courses.setCellFactory(l -> {
            CheckBoxListCell<DraftViewModel.CourseChoice> cell = new CheckBoxListCell<>(
                    DraftViewModel.CourseChoice::selectedProperty, names);
            // The cell takes the list's width, never its text's: a long title ends in an ellipsis, not a scroll bar.
            cell.setPrefWidth(0);
            return cell;
        });
        DatePicker from = new DatePicker();
        from.setId("enrolledFrom");
        from.valueProperty().bindBidirectional(vm.enrolledFromProperty());
        DatePicker to = new DatePicker();
        to.setId("enrolledTo");
        to.valueProperty().bindBidirectional(vm.enrolledToProperty());
        Label until = new Label(messages.get("breach.facts.until"));
        until.setMinWidth(Region.USE_PREF_SIZE);
        from.setPrefWidth(150);
        to.setPrefWidth(150);
        HBox end = new HBox(10, until, to);
        end.setAlignment(Pos.CENTER_LEFT);
        SideBySide range = SideBySide.row(10, from, end);
        FlowPane holding = new FlowPane(14, 8);
        holding.setId("scopeHolding");
        for (DataCategory c : DataCategory.values()) {
            CheckBox box = new CheckBox(words.category(c));
            box.setId("holding-" + c.name());
            box.selectedProperty().bindBidirectional(vm.holdingProperty(c));
            holding.getChildren().add(box);
        }
        FormGrid grid = new FormGrid();
        grid.add(messages.get("breach.scope.courses"), FormGrid.checked(new VBox(8, every, courses), vm,
                DraftField.SCOPE_COURSES));
        grid.hint(messages.get("breach.scope.courses.hint"));
        grid.add(messages.get("breach.scope.enrolled"), FormGrid.checked(range, vm, DraftField.SCOPE_ENROLLED_TO));
        grid.hint(messages.get("breach.scope.enrolled.hint"));
        grid.add(messages.get("breach.scope.holding"), FormGrid.checked(holding, vm, DraftField.SCOPE_HOLDING));
        grid.hint(messages.get("breach.scope.holding.hint"));
        return new VBox(grid);
    }

    private VBox list(DraftViewModel vm, Messages messages) {
        TextArea text = FormGrid.area("scopeList", vm.listTextProperty(), 10);
        text.setPromptText(messages.get("breach.scope.list.prompt"));
        Button importCsv = new Button(messages.get("breach.scope.import"), Icons.of(AppIcon.IMPORT));
        importCsv.setId("scopeImport");
        importCsv.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("breach.scope.import.title"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(messages.get("breach.scope.import.csv"), "*.csv", "*.txt"),
                    new FileChooser.ExtensionFilter(messages.get("breach.scope.import.any"), "*.*"));
            File file = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                vm.importList(Path.of(file.getPath()));
            }
        });
        Label count = new Label();
        count.setId("scopeListCount");
        count.textProperty().bind(vm.listCountProperty().map(n -> messages.format("breach.scope.list.count",
                n.intValue())));
        HBox bar = new HBox(12, importCsv, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label(messages.get("breach.scope.list.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.HINT);
        return new VBox(8, FormGrid.checked(text, vm, DraftField.SCOPE_LEARNERS), bar, hint);
    }

    private VBox outsiders(DraftViewModel vm, Messages messages) {
        Label title = new Label();
        title.getStyleClass().addAll(Css.SECTION_CARD_TITLE);
        ListView<String> entries = new ListView<>();
        entries.setId("notLearners");
        entries.setPrefHeight(120);
        entries.getStyleClass().add(Styles.DENSE);
        Label hint = new Label(messages.get("breach.scope.notLearners.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.HINT);
        VBox box = new VBox(6, title, entries, hint);
        box.getStyleClass().add(Css.SECTION_CARD);
        box.setMaxWidth(340);
        Runnable show = () -> {
            BreachPreviewDto p = vm.previewProperty().get();
            boolean any = p != null && p.notLearnersOfMemberCount() > 0;
            box.setVisible(any);
            box.setManaged(any);
            if (any) {
                title.setText(messages.format("breach.scope.notLearners", p.notLearnersOfMemberCount()));
                entries.getItems().setAll(p.notLearnersOfMember());
            }
        };
        vm.previewProperty().addListener(x -> show.run());
        show.run();
        return box;
    }
}
