package org.iqracity.console.ui.common;

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
 * a long title wraps instead of being cut.
 */
public final class CoursePicker {

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
        picker.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(CourseDto course, boolean empty) {
                super.updateItem(course, empty);
                setMnemonicParsing(false);
                setText(empty || course == null ? picker.getPromptText() : picker.getConverter().toString(course));
                setGraphic(empty || course == null ? null : Icons.of(AppIcon.COURSE));
            }
        });
        // The whole title, also when the window is too narrow to show it on the picker.
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
