package org.iqracity.console.ui.common;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.CourseDto;

/** A course in a picker: its title and run, and in the open list also its id and enrolled count. */
public final class CourseCell extends ListCell<CourseDto> {
    private final Messages messages;
    private final boolean twoLines;

    public CourseCell(Messages messages, boolean twoLines) {
        this.messages = messages;
        this.twoLines = twoLines;
    }

    /** The course's title, with its run when it has one. */
    public static String titled(Messages messages, CourseDto course) {
        return course.run() == null || course.run().isBlank() ? course.title()
                : messages.format("course.titleRun", course.title(), course.run());
    }

    /** The course's id and how many are enrolled: the line under its title. */
    public static String key(Messages messages, CourseDto course) {
        return course.id() + "  \u00b7  " + EnrolledText.of(messages, course);
    }

    @Override
    protected void updateItem(CourseDto course, boolean empty) {
        super.updateItem(course, empty);
        if (empty || course == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        String titled = titled(messages, course);
        if (!twoLines) {
            setText(titled);
            setGraphic(Icons.of(AppIcon.COURSE));
            return;
        }
        Label title = new Label(titled);
        title.getStyleClass().add(Css.COURSE_CELL_TITLE);
        Label key = new Label(key(messages, course));
        key.getStyleClass().add(Css.COURSE_CELL_KEY);
        setText(null);
        setGraphic(new VBox(2, title, key));
    }
}
