package org.iqracity.console.ui.common;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.controlsfx.control.SearchableComboBox;
import org.iqracity.console.api.CourseDto;

/**
 * A course picker a person can type into: ControlsFX's {@link SearchableComboBox}, which narrows the list to the
 * courses whose title, run or id holds what was typed. The list shows each course on two lines ({@link CourseCell}), so
 * a long title wraps instead of being cut; the closed picker shows the chosen course's title and run whole, and is
 * never narrower than they need (within a limit), the id and count in its tooltip.
 */
public final class CoursePicker {

    /** How wide the chosen course may make its picker, at most: a longer title is cut and whole in the tooltip. */
    private static final double MAX_WHOLE_WIDTH = 440;
    /** The picker's arrow, beside its cell. */
    private static final double ARROW_WIDTH = 24;

    private CoursePicker() {
    }

    public static ComboBox<CourseDto> searchable(ObservableList<CourseDto> courses, Messages messages) {
        SearchableComboBox<CourseDto> picker = new SearchableComboBox<>(courses);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(CourseDto course) {
                return course == null ? "" : messages.format("exports.course", course.title(), course.id(),
                        EnrolledText.of(messages, course));
            }

            @Override
            public CourseDto fromString(String text) {
                return null;
            }
        });
        picker.setCellFactory(list -> new CourseCell(messages, true));
        ListCell<CourseDto> button = new ListCell<>() {
            @Override
            protected void updateItem(CourseDto course, boolean empty) {
                super.updateItem(course, empty);
                setMnemonicParsing(false);
                setText(empty || course == null ? picker.getPromptText() : CourseCell.titled(messages, course));
            }
        };
        picker.setButtonCell(button);
        // The chosen course's title whole, up to a width no title of a course needs: the picker's skin does not ask
        // its cell how narrow it may be, so the picker is told.
        picker.minWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.min(button.prefWidth(-1) + ARROW_WIDTH, MAX_WHOLE_WIDTH),
                button.textProperty(), button.graphicProperty(), button.fontProperty()));
        // On the picker, the title and run; in its tooltip, also the id and the enrolled count.
        picker.tooltipProperty().bind(picker.valueProperty().map(c -> new Tooltip(picker.getConverter().toString(c))));
        // ControlsFX names the picker's own search field "search", as a screen names its search: renamed, so that
        // "#search" is the screen's, for the shortcut that focuses it and for tests.
        picker.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null) {
                picker.lookupAll(".combo-box-search").forEach(field -> field.setId(picker.getId() + "Search"));
            }
        });
        return picker;
    }
}
