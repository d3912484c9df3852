package org.iqracity.console.ui.tracking;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.iqracity.console.api.TrackingTechnologyDto;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;

/** The tracking screen's questions as modal dialogs over the console's window. */
public final class FxTrackingDialogs implements TrackingDialogs {

    private final Messages messages;
    private final Supplier<Window> owner;
    private final DateTimeFormatter when;

    public FxTrackingDialogs(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(ZoneId.systemDefault());
    }

    @Override
    public LeaveChoice askLeave() {
        ButtonType save = new ButtonType(messages.get("tracking.leave.save"), ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("tracking.leave.discard"), ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("tracking.leave.cancel"), ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.CONFIRMATION, messages.get("tracking.leave.title"),
                messages.get("tracking.leave.text"), save, discard, cancel);
        ids(alert.getDialogPane(), save, "leaveSave", discard, "leaveDiscard", cancel, "leaveCancel");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? LeaveChoice.SAVE : answer == discard ? LeaveChoice.DISCARD : LeaveChoice.CANCEL;
    }

    @Override
    public ConflictChoice askConflict(Conflict c) {
        ButtonType theirs = new ButtonType(messages.get("tracking.conflict.editTheirs"), ButtonData.YES);
        ButtonType overwrite = new ButtonType(messages.get("tracking.conflict.overwrite"), ButtonData.OTHER);
        ButtonType cancel = new ButtonType(messages.get("tracking.conflict.cancel"), ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(messages.get("tracking.conflict.title"));
        DialogPane pane = dialog.getDialogPane();
        pane.setId("conflictDialog");
        pane.getStylesheets().add(getClass().getResource(Css.STYLESHEET).toExternalForm());
        pane.setHeaderText(messages.get("tracking.conflict.title"));
        pane.getButtonTypes().setAll(theirs, overwrite, cancel);
        ids(pane, theirs, "conflictEditTheirs", overwrite, "conflictOverwrite", cancel, "conflictCancel");

        Label text = wrapped(messages.format("tracking.conflict.text", c.theirs().updatedBy(), c.theirs().version(),
                c.baseVersion()));
        VBox mine = column("conflictMine", messages.format("tracking.conflict.mine", c.baseVersion()));
        lines(mine, c.myChanges());
        technologies(mine, c.mine().technologies());
        VBox theirsColumn = column("conflictTheirs", messages.format("tracking.conflict.theirs", c.theirs().version()));
        for (TrackingVersionDto v : c.theirVersions()) {
            Label who = wrapped(messages.format("tracking.version.by", v.version(), v.by(), when.format(v.at())));
            who.getStyleClass().add(Css.HINT);
            theirsColumn.getChildren().add(who);
            lines(theirsColumn, v.changes());
        }
        technologies(theirsColumn, c.theirs().technologies());
        HBox.setHgrow(mine, Priority.ALWAYS);
        HBox.setHgrow(theirsColumn, Priority.ALWAYS);
        HBox sides = new HBox(16, mine, new Separator(Orientation.VERTICAL), theirsColumn);
        ScrollPane scroll = new ScrollPane(sides);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        pane.setContent(new VBox(12, text, scroll));
        pane.setPrefWidth(880);
        pane.setMinWidth(880);
        dialog.setResizable(true);
        ButtonType answer = dialog.showAndWait().orElse(cancel);
        return answer == theirs ? ConflictChoice.EDIT_THEIRS
                : answer == overwrite ? ConflictChoice.OVERWRITE : ConflictChoice.CANCEL;
    }

    @Override
    public boolean confirmOverwrite(Conflict c) {
        ButtonType yes = new ButtonType(messages.get("tracking.overwrite.confirm"), ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("tracking.leave.cancel"), ButtonData.CANCEL_CLOSE);
        Alert alert = alert(Alert.AlertType.WARNING, messages.get("tracking.overwrite.title"),
                messages.format("tracking.overwrite.text", c.theirs().version(), c.theirs().updatedBy()), yes, no);
        ids(alert.getDialogPane(), yes, "overwriteConfirm", no, "overwriteCancel", null, null);
        return alert.showAndWait().orElse(no) == yes;
    }

    @Override
    public boolean confirmRevert(long version, boolean discardsEdits) {
        ButtonType yes = new ButtonType(messages.get("tracking.revert.confirm"), ButtonData.OK_DONE);
        ButtonType no = new ButtonType(messages.get("tracking.leave.cancel"), ButtonData.CANCEL_CLOSE);
        String text = messages.format("tracking.revert.text", version)
                + (discardsEdits ? " " + messages.get("tracking.revert.discards") : "");
        Alert alert = alert(Alert.AlertType.CONFIRMATION, messages.format("tracking.revert.title", version), text,
                yes, no);
        ids(alert.getDialogPane(), yes, "revertConfirm", no, "revertCancel", null, null);
        return alert.showAndWait().orElse(no) == yes;
    }

    private Alert alert(Alert.AlertType type, String title, String text, ButtonType... buttons) {
        Alert alert = new Alert(type, text, buttons);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setPrefWidth(480);
        return alert;
    }

    private static void ids(DialogPane pane, ButtonType a, String idA, ButtonType b, String idB, ButtonType c,
                            String idC) {
        pane.lookupButton(a).setId(idA);
        pane.lookupButton(b).setId(idB);
        if (c != null) {
            pane.lookupButton(c).setId(idC);
        }
    }

    private static VBox column(String id, String title) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Css.SECTION_CARD_TITLE);
        VBox box = new VBox(6, heading);
        box.setId(id);
        box.setMinWidth(0);
        box.setPrefWidth(400);
        return box;
    }

    private void lines(VBox into, List<String> lines) {
        if (lines.isEmpty()) {
            into.getChildren().add(wrapped(messages.get("tracking.conflict.nothing")));
        }
        lines.forEach(l -> into.getChildren().add(wrapped("\u2022 " + l)));
    }

    private void technologies(VBox into, List<TrackingTechnologyDto> list) {
        Label title = new Label(messages.get("tracking.conflict.technologies"));
        title.getStyleClass().add(Css.COLUMN_TITLE);
        into.getChildren().add(title);
        list.forEach(t -> into.getChildren().add(wrapped(t.name() + "  \u00b7  "
                + messages.get("tracking.category." + t.category().name()))));
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Css.CHANGE_LINE);
        return label;
    }

    /** For views that need the window their node is in. */
    static Supplier<Window> windowOf(Node node) {
        return () -> node.getScene() == null ? null : node.getScene().getWindow();
    }
}
