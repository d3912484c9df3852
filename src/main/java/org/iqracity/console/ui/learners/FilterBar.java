package org.iqracity.console.ui.learners;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.learners.LearnerFilters.Choice;

/**
 * The learners screen's filters: the controls, then the active filters as chips a click removes, with the count of
 * learners they leave. A value the platform refused is marked on its control, and said with its reason in the chips
 * row (never as a list that "could not be loaded").
 */
final class FilterBar extends VBox {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final LearnersViewModel vm;
    private final LearnerFilters filters;
    private final Messages messages;
    private final Map<LearnerFilter, Node> controls = new EnumMap<>(LearnerFilter.class);
    private final FlowPane chips = new FlowPane(8, 6);
    private final Label count = new Label();

    FilterBar(LearnersViewModel vm, Messages messages, Node search) {
        this.vm = vm;
        this.filters = vm.filters();
        this.messages = messages;
        controls.put(LearnerFilter.SEARCH, search);
        getStyleClass().add(Css.FILTER_AREA);
        getChildren().addAll(controls(), chipsRow());
        filters.chips().addListener((ListChangeListener<FilterChip>) c -> showChips());
        vm.refused().addListener((MapChangeListener<LearnerFilter, String>) c -> showChips());
        showChips();
    }

    private Node controls() {
        ComboBox<EnrollmentMode> mode = new ComboBox<>();
        mode.getItems().add(null);
        mode.getItems().addAll(Arrays.asList(EnrollmentMode.values()));
        mode.valueProperty().bindBidirectional(filters.modeProperty());
        mode.setConverter(converter(m -> m == null ? messages.get("learners.filter.mode")
                : messages.get("learners.mode." + m.name())));
        mode.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(EnrollmentMode item, boolean empty) {
                super.updateItem(item, empty);
                setText(mode.getConverter().toString(item));
            }
        });
        mode.setId("modeFilter");

        ComboBox<Choice> active = choice("learners.filter.active", filters.activeProperty().get());
        active.valueProperty().bindBidirectional(filters.activeProperty());
        active.setId("activeFilter");
        ComboBox<Choice> passed = choice("learners.filter.passed", filters.passedProperty().get());
        passed.valueProperty().bindBidirectional(filters.passedProperty());
        passed.setId("passedFilter");
        CountryPicker countries = new CountryPicker(filters.countries(), filters.countryNames(), messages);

        HBox progress = range("learners.filter.progress", "progress", filters.minProgressProperty(),
                filters.maxProgressProperty());
        HBox grade = range("learners.filter.grade", "grade", filters.minGradeProperty(), filters.maxGradeProperty());

        ComboBox<Integer> inactive = new ComboBox<>();
        inactive.getItems().add(null);
        inactive.getItems().addAll(LearnerFilters.INACTIVITY_DAYS);
        inactive.valueProperty().bindBidirectional(filters.inactiveDaysProperty());
        inactive.setConverter(converter(days -> days == null ? messages.get("learners.filter.inactive.any")
                : messages.format("learners.filter.inactive", days)));
        inactive.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(inactive.getConverter().toString(item));
            }
        });
        inactive.setId("inactiveFilter");

        controls.put(LearnerFilter.MODE, mode);
        controls.put(LearnerFilter.ACTIVE, active);
        controls.put(LearnerFilter.PASSED, passed);
        controls.put(LearnerFilter.COUNTRIES, countries);
        controls.put(LearnerFilter.PROGRESS, progress);
        controls.put(LearnerFilter.GRADE, grade);
        controls.put(LearnerFilter.INACTIVE, inactive);

        Label icon = new Label(null, Icons.of(AppIcon.FILTER));
        FlowPane bar = new FlowPane(10, 8, icon, mode, active, passed, countries, progress, grade, inactive);
        bar.getStyleClass().add(Css.FILTER_BAR);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** "Grade [0] to [100] %": two spinners bound to a range in percent. */
    private HBox range(String labelKey, String id, IntegerProperty min, IntegerProperty max) {
        Spinner<Integer> from = percentSpinner(min);
        from.setId(id + "Min");
        Spinner<Integer> to = percentSpinner(max);
        to.setId(id + "Max");
        HBox box = new HBox(6, new Label(messages.get(labelKey)), from, new Label(messages.get("learners.filter.to")),
                to, new Label("%"));
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId(id + "Filter");
        return box;
    }

    private static Spinner<Integer> percentSpinner(IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(0, 100, value.get(), 5);
        spinner.setEditable(true);
        spinner.setPrefWidth(80);
        spinner.getValueFactory().valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                value.set(v);
            }
        });
        value.addListener((o, a, v) -> spinner.getValueFactory().setValue(v.intValue()));
        return spinner;
    }

    private Node chipsRow() {
        chips.setId("filterChips");
        chips.setAlignment(Pos.CENTER_LEFT);
        count.setId("filteredCount");
        count.getStyleClass().add(Css.TOTAL);
        count.textProperty().bind(Bindings.createStringBinding(this::countText, vm.totalProperty(),
                vm.courseProperty(), vm.stateProperty()));
        chips.getStyleClass().add(Css.CHIPS_ROW);
        return chips;
    }

    private String countText() {
        var course = vm.courseProperty().get();
        if (course == null || vm.stateProperty().get() == LearnersViewModel.State.LOADING) {
            return messages.get("learners.counting");
        }
        if (vm.stateProperty().get() == LearnersViewModel.State.INVALID
                || vm.stateProperty().get() == LearnersViewModel.State.ERROR) {
            return "";
        }
        return messages.format("learners.total.of", vm.totalProperty().get(), course.enrollmentCount());
    }

    /** The active filters as chips, the count they leave, and any refusal beside the filter it names. */
    private void showChips() {
        chips.getChildren().clear();
        for (FilterChip chip : filters.chips()) {
            Button b = new Button(chip.text(), Icons.of(AppIcon.CLEAR));
            b.setId("chip-" + chip.filter().name().toLowerCase(Locale.ROOT));
            b.setContentDisplay(ContentDisplay.RIGHT);
            b.getStyleClass().addAll(Css.FILTER_CHIP, Styles.ROUNDED, Styles.SMALL);
            b.setTooltip(new Tooltip(messages.get("learners.chip.remove")));
            b.setAccessibleText(messages.format("learners.chip.removeNamed", chip.text()));
            b.setOnAction(e -> vm.clear(chip.filter()));
            chips.getChildren().add(b);
        }
        for (var refusal : vm.refused().entrySet()) {
            Label said = new Label(messages.format("learners.refused", name(refusal.getKey()), refusal.getValue()),
                    Icons.of(AppIcon.WARNING));
            said.setId("refused-" + refusal.getKey().name().toLowerCase(Locale.ROOT));
            said.getStyleClass().addAll(Css.REFUSED, Styles.DANGER);
            chips.getChildren().add(said);
        }
        boolean any = !filters.chips().isEmpty() || !vm.refused().isEmpty();
        if (any) {
            Button clear = new Button(messages.get("learners.filter.clear"));
            clear.setId("clearFilters");
            clear.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            clear.setOnAction(e -> vm.clearFilters());
            chips.getChildren().addAll(count, clear);
        }
        chips.setVisible(any);
        chips.setManaged(any);
        controls.forEach((filter, control) -> mark(control, vm.refused().get(filter)));
    }

    /** Marks a refused filter's control in the theme's danger colour, its reason as a tooltip. */
    private void mark(Node control, String reason) {
        control.pseudoClassStateChanged(DANGER, reason != null);
        control.pseudoClassStateChanged(Styles.STATE_DANGER, reason != null);
        if (control instanceof Control c) {
            c.setTooltip(reason == null ? null : new Tooltip(reason));
        } else if (control instanceof HBox box) {
            for (Node n : box.getChildren()) {
                if (n instanceof Spinner<?> s) {
                    s.pseudoClassStateChanged(Styles.STATE_DANGER, reason != null);
                    s.getEditor().pseudoClassStateChanged(Styles.STATE_DANGER, reason != null);
                }
            }
        }
    }

    private String name(LearnerFilter filter) {
        return messages.get("learners.filterName." + filter.name());
    }

    private ComboBox<Choice> choice(String prefix, Choice initial) {
        ComboBox<Choice> box = new ComboBox<>(FXCollections.observableArrayList(Choice.values()));
        box.setValue(initial);
        box.setConverter(converter(c -> messages.get(prefix + "." + c.name())));
        return box;
    }

    private static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
