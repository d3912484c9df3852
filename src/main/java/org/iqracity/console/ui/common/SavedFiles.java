package org.iqracity.console.ui.common;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every screen that saves a file offers around it: a question before replacing one, "Show in folder" after. */
public final class SavedFiles {
    private static final Logger LOGGER = LoggerFactory.getLogger(SavedFiles.class);

    private SavedFiles() {
    }

    /**
     * Asks whether to replace a file that is there already; {@code replace} or {@code keep} runs with the answer.
     * Shown once the change that asked has reached every listener.
     */
    public static void askToReplace(Node owner, Messages messages, Path file, Runnable replace, Runnable keep) {
        ButtonType yes = new ButtonType(messages.get("save.replace.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, messages.format("save.replace.text", file), yes,
                ButtonType.CANCEL);
        ask.initOwner(owner.getScene().getWindow());
        ask.setTitle(messages.get("save.replace.title"));
        ask.setHeaderText(messages.get("save.replace.title"));
        ask.getDialogPane().setId("replaceFile");
        Platform.runLater(() -> {
            if (ask.showAndWait().filter(yes::equals).isPresent()) {
                replace.run();
            } else {
                keep.run();
            }
        });
    }

    /** A button that opens the folder of the file {@code saved} gives, in the desktop's file manager. */
    public static Button showInFolder(Messages messages, Supplier<Path> saved, FileOpener opener) {
        Button button = new Button(messages.get("save.showInFolder"), Icons.of(AppIcon.FOLDER));
        button.setOnAction(e -> {
            Path file = saved.get();
            if (file == null || file.getParent() == null) {
                return;
            }
            // the desktop's opener may take a moment to answer: never on the window's thread
            Thread.ofVirtual().name("show-in-folder").start(() -> {
                try {
                    opener.open(file.getParent());
                } catch (Exception failed) {
                    LOGGER.info("could not open the folder of a saved file: {}", failed.getClass().getSimpleName());
                }
            });
        });
        return button;
    }
}
