package org.iqracity.console.ui.accesslog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.ui.common.Messages;

/**
 * One entry of the access log whole, as a cell of the table cannot show it: every field with its label, the object's
 * and course's ids beside their names, each in a read-only field that can be selected and copied.
 */
final class EntryDetails {
    private final Messages messages;
    private final AccessLogWords words;
    private final Function<AccessLogEntryDto, String> time;

    EntryDetails(Messages messages, AccessLogWords words, Function<AccessLogEntryDto, String> time) {
        this.messages = messages;
        this.words = words;
        this.time = time;
    }

    /** The label and value of each line, in the order shown. */
    List<String[]> lines(AccessLogEntryDto e) {
        List<String[]> lines = new ArrayList<>();
        lines.add(line("accessLog.col.time", time.apply(e)));
        lines.add(line("accessLog.col.actor", e.actor()));
        lines.add(line("accessLog.col.action", words.action(e)));
        lines.add(line("accessLog.col.outcome", words.outcome(e.outcome())));
        lines.add(line("accessLog.col.object", words.object(e)));
        lines.add(line("accessLog.details.objectId", e.objectId()));
        lines.add(line("accessLog.col.course", e.courseTitle()));
        lines.add(line("accessLog.details.courseId", e.courseId()));
        lines.add(line("accessLog.col.client", e.client()));
        lines.add(line("accessLog.col.address", e.address()));
        return lines;
    }

    void show(Window owner, AccessLogEntryDto entry) {
        GridPane grid = new GridPane(12, 6);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(360);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), values);
        int row = 0;
        for (String[] line : lines(entry)) {
            TextField value = new TextField(line[1]);
            value.setEditable(false);
            value.setId("entryDetail" + row);
            Label label = new Label(line[0]);
            label.setLabelFor(value);
            grid.addRow(row++, label, value);
        }
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.format("accessLog.details.title", entry.seq()));
        dialog.setHeaderText(messages.format("accessLog.details.title", entry.seq()));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("accessLogEntryDetails");
        dialog.show();
    }

    private String[] line(String key, String value) {
        return new String[] {messages.get(key), value == null ? "" : value};
    }
}
