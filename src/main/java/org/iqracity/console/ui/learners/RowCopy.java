package org.iqracity.console.ui.learners;

import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/**
 * Copies the selected learner's username (Ctrl+C) or email (Ctrl+Shift+C, or the row's context menu), which identify
 * them in another application: a mail, a ticket, the platform's own site.
 */
final class RowCopy {
    private final TableView<LearnerRow> table;

    private RowCopy(TableView<LearnerRow> table) {
        this.table = table;
    }

    static void install(TableView<LearnerRow> table, Messages messages) {
        RowCopy copy = new RowCopy(table);
        MenuItem username = new MenuItem(messages.get("learners.copy.username"), Icons.of(AppIcon.COPY));
        username.setId("copyUsername");
        username.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        username.setOnAction(e -> copy.copy(LearnerRowDto::username));
        MenuItem email = new MenuItem(messages.get("learners.copy.email"));
        email.setId("copyEmail");
        email.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        email.setOnAction(e -> copy.copy(LearnerRowDto::email));
        ContextMenu menu = new ContextMenu(username, email);
        menu.setOnShowing(e -> {
            LearnerRowDto row = copy.selected();
            username.setDisable(row == null);
            email.setDisable(row == null || row.email() == null);
        });
        table.setContextMenu(menu);
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copy.copy(e.isShiftDown() ? LearnerRowDto::email : LearnerRowDto::username);
                e.consume();
            }
        });
    }

    private LearnerRowDto selected() {
        LearnerRow row = table.getSelectionModel().getSelectedItem();
        return row == null || row.isMore() ? null : row.learner();
    }

    private void copy(Function<LearnerRowDto, String> part) {
        LearnerRowDto row = selected();
        String text = row == null ? null : part.apply(row);
        if (text != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }
}
