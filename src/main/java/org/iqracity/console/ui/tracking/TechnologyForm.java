package org.iqracity.console.ui.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingKind;
import org.iqracity.console.api.TrackingParty;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.FieldChecks;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** The fields of one technology, each with its problem under it; follows whichever technology is selected. */
final class TechnologyForm extends VBox {

    private final Messages messages;
    private final TextField name = new TextField();
    private final ComboBox<TrackingKind> kind = combo(TrackingKind.values(), "tracking.kind.");
    private final ComboBox<TrackingParty> party = combo(TrackingParty.values(), "tracking.party.");
    private final TextField provider = new TextField();
    private final ComboBox<TrackingCategory> category = combo(TrackingCategory.values(), "tracking.category.");
    private final TextArea purpose = new TextArea();
    private final TextArea sets = new TextArea();
    private final TextField retention = new TextField();
    private final CheckBox pages;
    private final CheckBox emails;
    private final TextField optOut = new TextField();
    private final TextArea justification = new TextArea();
    private final Label necessityWarning = new Label();
    private final BooleanProperty justificationShown = new SimpleBooleanProperty();
    private int nextRow;
    private final Map<String, Label> errorLabels = new HashMap<>();
    private final FieldChecks checks = FieldChecks.shownAtOnce();
    /** The problems of the technology shown, by field, as last said by its draft. */
    private Map<String, String> errorsShown = Map.of();
    private final List<Runnable> unbind = new ArrayList<>();
    private final Label none;
    private final GridPane grid = new GridPane();
    private final MapChangeListener<String, String> errorsChanged = change -> showErrors(change.getMap());

    TechnologyForm(Messages messages) {
        this.messages = messages;
        setId("technologyForm");
        getStyleClass().add(Css.SECTION_CARD);
        pages = new CheckBox(messages.get("tracking.surface.COURSE_PAGES"));
        emails = new CheckBox(messages.get("tracking.surface.COURSE_EMAILS"));
        name.setId("techName");
        party.setId("techParty");
        category.setId("techCategory");
        provider.setId("techProvider");
        retention.setId("techRetention");
        optOut.setId("techOptOut");
        purpose.setId("techPurpose");
        sets.setId("techSets");
        purpose.setWrapText(true);
        purpose.setPrefRowCount(2);
        sets.setPrefRowCount(3);
        sets.setPromptText(messages.get("tracking.field.sets.prompt"));
        retention.setPromptText(messages.get("tracking.field.retention.prompt"));
        optOut.setPromptText(messages.get("tracking.field.optOutUrl.prompt"));
        justification.setId("techJustification");
        justification.setWrapText(true);
        justification.setPrefRowCount(3);
        justification.setPromptText(messages.get("tracking.field.necessityJustification.prompt"));
        necessityWarning.setId("necessityWarning");
        necessityWarning.getStyleClass().add(Css.NECESSITY_WARNING);
        necessityWarning.setGraphic(Icons.of(AppIcon.WARNING));
        necessityWarning.setWrapText(true);
        necessityWarning.setMaxWidth(Double.MAX_VALUE);
        necessityWarning.setMinHeight(Region.USE_PREF_SIZE);
        necessityWarning.visibleProperty().bind(necessityWarning.textProperty().isNotEmpty());
        necessityWarning.managedProperty().bind(necessityWarning.visibleProperty());

        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.setHgap(10);
        grid.setVgap(2);
        row("name", name);
        row("kind", kind);
        row("party", party);
        row("provider", provider);
        row("category", category);
        grid.add(necessityWarning, 0, nextRow++, 2, 1);
        for (Node n : row("necessityJustification", justification)) {
            n.visibleProperty().bind(justificationShown);
            n.managedProperty().bind(justificationShown);
        }
        row("purpose", purpose);
        row("sets", sets);
        row("retention", retention);
        row("runsOn", new HBox(16, pages, emails));
        row("optOutUrl", optOut);
        none = new Label(messages.get("tracking.noTechnology"));
        none.getStyleClass().add(Css.HINT);
        getChildren().addAll(grid, none);
        show(null);
    }

    /**
     * One field a row, its problem on the line under it: the form stays readable in a narrow column. Returns the
     * label and the control, for rows that come and go.
     */
    private List<Node> row(String field, Node control) {
        Label label = new Label(messages.get("tracking.field." + field));
        label.getStyleClass().add(Css.FIELD_LABEL);
        label.setLabelFor(control);
        label.setWrapText(true);
        grid.add(label, 0, nextRow);
        grid.add(control, 1, nextRow++);
        grid.add(errorLabel(field, control), 1, nextRow++);
        if (control instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setMinWidth(120);
        }
        return List.of(label, control);
    }

    /** A field's problem under it; a control's is also marked on it, the ControlsFX way ({@link FieldChecks}). */
    private Label errorLabel(String field, Node control) {
        if (control instanceof Control c) {
            return checks.check(c, "error-" + field, () -> errorsShown.get(field));
        }
        Label error = new Label();
        error.setId("error-" + field);
        error.getStyleClass().add(Css.FIELD_ERROR);
        error.setGraphic(Icons.of(AppIcon.ERROR));
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        errorLabels.put(field, error);
        return error;
    }

    /** True while a field of the technology shown has a problem. */
    ReadOnlyBooleanProperty invalidProperty() {
        return checks.invalidProperty();
    }

    /** Edits {@code draft}, or shows a hint when none is selected. */
    void show(TechnologyDraft draft) {
        unbind.forEach(Runnable::run);
        unbind.clear();
        grid.setVisible(draft != null);
        grid.setManaged(draft != null);
        none.setVisible(draft == null);
        none.setManaged(draft == null);
        if (draft == null) {
            showErrors(Map.of());
            return;
        }
        bind(name.textProperty(), draft.nameProperty());
        bind(kind.valueProperty(), draft.kindProperty());
        bind(party.valueProperty(), draft.partyProperty());
        bind(provider.textProperty(), draft.providerProperty());
        bind(category.valueProperty(), draft.categoryProperty());
        bind(purpose.textProperty(), draft.purposeProperty());
        bind(sets.textProperty(), draft.setsProperty());
        bind(retention.textProperty(), draft.retentionProperty());
        bind(pages.selectedProperty(), draft.onPagesProperty());
        bind(emails.selectedProperty(), draft.inEmailsProperty());
        bind(optOut.textProperty(), draft.optOutUrlProperty());
        bind(justification.textProperty(), draft.necessityJustificationProperty());
        necessityWarning.textProperty().bind(draft.necessityWarningProperty());
        justificationShown.bind(draft.justificationShownProperty());
        unbind.add(() -> {
            necessityWarning.textProperty().unbind();
            necessityWarning.setText(null);
            justificationShown.unbind();
            justificationShown.set(false);
        });
        draft.errors().addListener(errorsChanged);
        unbind.add(() -> draft.errors().removeListener(errorsChanged));
        showErrors(draft.errors());
    }

    private <T> void bind(Property<T> field, Property<T> model) {
        field.bindBidirectional(model);
        unbind.add(() -> field.unbindBidirectional(model));
    }

    private void showErrors(Map<? extends String, ? extends String> errors) {
        errorsShown = Map.copyOf(errors);
        errorLabels.forEach((field, label) -> {
            String message = errors.get(field);
            label.setText(message);
            label.setVisible(message != null);
        });
        checks.recheck();
    }

    void focusName() {
        name.requestFocus();
    }

    private <T extends Enum<T>> ComboBox<T> combo(T[] values, String prefix) {
        ComboBox<T> box = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(values)));
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : messages.get(prefix + value.name());
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException();
            }
        };
        box.setConverter(converter);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : converter.toString(item));
            }
        });
        return box;
    }
}
