package org.iqracity.console.ui.common;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.controlsfx.control.decoration.Decoration;
import org.controlsfx.control.decoration.GraphicDecoration;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * A form's field checks, shown the ControlsFX way in the console's colours: once a field was touched (left after
 * being in it), a mark at its right end, its message on hover and in a line under it, and the field's border in the
 * theme's danger colour. {@link #invalidProperty()} holds while any field (touched or not) has a problem, for the
 * form's Save or Next to be disabled. A field's problem is a sentence from the form's view model, or null.
 */
public final class FieldChecks {

    /** The mark's style class (console.css gives it the theme's danger colour). */
    public static final String MARK = "field-mark";

    private final ValidationSupport support = new ValidationSupport();
    private final Map<Control, Label> lines = new HashMap<>();
    private final Map<Control, Boolean> touched = new HashMap<>();
    private final Map<Control, Supplier<String>> problems = new HashMap<>();
    private final boolean atOnce;
    private final boolean keepRoom;

    /** Checks whose problems show once a field was left. */
    public FieldChecks() {
        this(false, false);
    }

    private FieldChecks(boolean atOnce, boolean keepRoom) {
        this.atOnce = atOnce;
        this.keepRoom = keepRoom;
        support.setValidationDecorator(new Marks());
    }

    /**
     * As {@link #FieldChecks()}, each field's line keeping its room while empty: in a short form whose links and
     * buttons lie under the fields, a message that appears as the person leaves a field for a click must not move
     * what they are clicking.
     */
    public static FieldChecks keepingRoom() {
        return new FieldChecks(false, true);
    }

    /**
     * Checks whose problems show as soon as they are said: for a form whose view model decides when to speak (the
     * tracking form checks from the first Save on, and the platform's answers come after a Save).
     */
    public static FieldChecks shownAtOnce() {
        return new FieldChecks(true, false);
    }

    /**
     * Checks {@code field} with {@code problem}, again whenever the field's value or one of {@code alsoOn} changes;
     * returns the line that says the problem, to be placed under the field.
     */
    public Label check(Control shown, Supplier<String> problem, Observable... alsoOn) {
        return check(shown, shown.getId() == null ? null : shown.getId() + "Problem", problem, alsoOn);
    }

    /** As {@link #check(Control, Supplier, Observable...)}, the line under the field with the id {@code lineId}. */
    public Label check(Control shown, String lineId, Supplier<String> problem, Observable... alsoOn) {
        // A spinner's value is checked, and marked, in its text field.
        Control field = shown instanceof Spinner<?> spinner ? spinner.getEditor() : shown;
        Label line = new Label();
        line.setId(lineId);
        line.getStyleClass().add(Css.FIELD_ERROR);
        line.setWrapText(true);
        line.setMnemonicParsing(false);
        line.setVisible(false);
        line.setManaged(keepRoom);
        if (keepRoom) {
            // One line's height, also while it says nothing.
            line.setMinHeight(Region.USE_PREF_SIZE);
            line.setText(" ");
        }
        lines.put(field, line);
        touched.put(field, false);
        field.focusedProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                touch(field);
            }
        });
        problems.put(field, problem);
        Validator<Object> validator = (control, value) -> {
            String said = problem.get();
            return ValidationResult.fromErrorIf(control, said == null ? "" : said, said != null);
        };
        // ControlsFX validates a moment later (on the FX thread's next turn) and then draws the mark; the line under
        // the field, its border and its accessible help follow at once, so nothing reads a stale message.
        support.registerValidator(field, false, validator);
        List<Observable> triggers = new ArrayList<>(List.of(alsoOn));
        if (field instanceof TextInputControl text) {
            triggers.add(text.textProperty());
        } else if (field instanceof ComboBoxBase<?> box) {
            triggers.add(box.valueProperty());
        }
        for (Observable o : triggers) {
            o.addListener(obs -> {
                sayNow(field);
                if (alsoOn.length > 0) {
                    support.revalidate(field);
                }
            });
        }
        sayNow(field);
        return line;
    }

    /** Shows the field's problem from now on, as if it had been left: for a value put in by a button or a list. */
    public void touch(Control field) {
        if (touched.containsKey(field) && !touched.put(field, true)) {
            sayNow(field);
            support.revalidate(field);
        }
    }

    private void sayNow(Control field) {
        say(field, isTouched(field) ? problems.get(field).get() : null);
    }

    /** Shows every field's problem: the person asked to go on with the form as it is. */
    public void touchAll() {
        List.copyOf(touched.keySet()).forEach(this::touch);
    }

    /** Checks every field again now (after the view model changed what it accepts). */
    public void recheck() {
        problems.keySet().forEach(this::sayNow);
        support.revalidate();
    }

    public ReadOnlyBooleanProperty invalidProperty() {
        return support.invalidProperty();
    }

    /** The problem a field shows now, or null: what a person sees under it. */
    public String shown(Control field) {
        Label line = lines.get(field);
        return line == null || !line.isVisible() ? null : line.getText();
    }

    private boolean isTouched(Control field) {
        return atOnce || touched.getOrDefault(field, false);
    }

    private void say(Control field, String text) {
        Label line = lines.get(field);
        if (line == null) {
            return;
        }
        boolean show = text != null && !text.isBlank();
        line.setText(show ? text : keepRoom ? " " : "");
        line.setGraphic(show ? Icons.of(AppIcon.ERROR) : null);
        line.setVisible(show);
        line.setManaged(show || keepRoom);
        field.pseudoClassStateChanged(Styles.STATE_DANGER, show);
        field.setAccessibleHelp(show ? text : null);
    }

    /** ControlsFX's graphic decoration, drawn with the console's icon, only on touched fields. */
    private final class Marks extends GraphicValidationDecoration {

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            if (isTouched(message.getTarget())) {
                super.applyValidationDecoration(message);
            }
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // A required field says so in its label; no mark before anything went wrong.
        }

        /**
         * A round "!" in the danger colour. Drawn with the text font, not an icon font: the mark lies in ControlsFX's
         * decoration layer, above the window's content, where an icon font's glyph showed as an empty box.
         */
        @Override
        protected Node getGraphicBySeverity(Severity severity) {
            Label mark = new Label("!");
            mark.getStyleClass().add(MARK);
            mark.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            return mark;
        }

        @Override
        protected Tooltip createTooltip(ValidationMessage message) {
            Tooltip tip = new Tooltip(message.getText());
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            return tip;
        }

        @Override
        protected Collection<Decoration> createValidationDecorations(ValidationMessage message) {
            // Inside the field's right end, clear of its text's start.
            return List.of(new GraphicDecoration(createDecorationNode(message), Pos.CENTER_RIGHT, -14, 0));
        }
    }
}
