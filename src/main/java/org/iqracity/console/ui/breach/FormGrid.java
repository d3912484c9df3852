package org.iqracity.console.ui.breach;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.FieldChecks;
import org.iqracity.console.ui.common.Icons;

/** Labels on the left, fields on the right, hints under them: the layout of every form in the draft flow. */
class FormGrid extends GridPane {

    private static final String CHECKED = "breach-checked-field";

    private int row;

    FormGrid() {
        setHgap(14);
        setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(170);
        labels.setPrefWidth(190);
        labels.setHalignment(HPos.RIGHT);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        getColumnConstraints().addAll(labels, fields);
    }

    FormGrid add(String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add(Css.FIELD_LABEL);
        l.setWrapText(true);
        // A label reads level with the first line of text in its field: on the baseline of a text field, as far
        // down as the text sits in a text area or a row of date fields, at the top of anything else.
        Node inner = field instanceof VBox box && box.getStyleClass().contains(CHECKED)
                ? box.getChildren().getFirst() : field;
        if (inner instanceof TextField) {
            GridPane.setValignment(l, VPos.BASELINE);
            GridPane.setValignment(field, VPos.BASELINE);
        } else {
            GridPane.setValignment(l, VPos.TOP);
            if (inner instanceof TextArea || inner instanceof HBox
                    || inner instanceof SideBySide && !inner.lookupAll(".date-picker").isEmpty()) {
                l.setPadding(new Insets(7, 0, 0, 0));
            }
        }
        l.setLabelFor(field);
        add(l, 0, row);
        add(field, 1, row);
        row++;
        return this;
    }

    FormGrid hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.HINT);
        add(hint, 1, row++);
        return this;
    }

    /**
     * The field with room under it for its message (when there is one to show), and the field's leaving reported so
     * that its message may show from then on.
     */
    static Node checked(Node field, DraftViewModel vm, DraftField which) {
        String id = field.getId() == null ? null : field.getId() + "Message";
        Label message;
        if (field instanceof Control control) {
            // The draft says when a message is due (once the field was left, or Next tried); ControlsFX marks it.
            ReadOnlyStringProperty said = vm.fieldMessage(which);
            message = FieldChecks.shownAtOnce().check(control, id,
                    () -> said.get() == null || said.get().isEmpty() ? null : said.get(), said);
        } else {
            message = new Label();
            message.setId(id);
            message.getStyleClass().add(Css.FIELD_ERROR);
            message.setGraphic(Icons.of(AppIcon.ERROR));
            message.setWrapText(true);
            message.textProperty().bind(vm.fieldMessage(which));
            message.visibleProperty().bind(vm.fieldMessage(which).isNotEmpty());
            message.managedProperty().bind(message.visibleProperty());
        }
        field.focusWithinProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                vm.touch(which);
            }
        });
        VBox box = new VBox(4, field, message);
        box.getStyleClass().add(CHECKED);
        box.setFillWidth(true);
        return box;
    }

    static TextField field(String id, StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    static TextArea area(String id, StringProperty value, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setWrapText(true);
        a.setPrefRowCount(rows);
        a.textProperty().bindBidirectional(value);
        return a;
    }
}
