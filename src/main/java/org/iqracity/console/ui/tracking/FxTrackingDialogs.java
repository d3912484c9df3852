package org.iqracity.console.ui.tracking;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.tracking.Conflict.Clash;
import org.iqracity.console.ui.tracking.Conflict.Side;

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
    public Map<Clash, Side> chooseMerge(Conflict c) {
        ButtonType merge = new ButtonType(messages.get("tracking.conflict.merge"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("tracking.conflict.cancel"), ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(messages.get("tracking.conflict.title"));
        DialogPane pane = dialog.getDialogPane();
        pane.setId("conflictDialog");
        pane.getStylesheets().add(getClass().getResource(Css.STYLESHEET).toExternalForm());
        pane.setHeaderText(messages.get("tracking.conflict.title"));
        pane.getButtonTypes().setAll(merge, cancel);
        ids(pane, merge, "conflictMerge", cancel, "conflictCancel", null, null);

        Label text = wrapped(messages.format("tracking.conflict.text", c.theirs().updatedBy(), c.theirs().version(),
                c.baseVersion()));
        VBox theirs = new VBox(6);
        for (TrackingVersionDto v : c.theirVersions()) {
            Label who = wrapped(messages.format("tracking.version.by", v.version(), v.by(), when.format(v.at())));
            who.getStyleClass().add(Css.HINT);
            theirs.getChildren().add(who);
            v.changes().forEach(l -> theirs.getChildren().add(wrapped("\u2022 " + l)));
        }
        Map<Clash, ToggleGroup> picks = new LinkedHashMap<>();
        VBox fields = new VBox(12);
        fields.setId("conflictFields");
        for (int i = 0; i < c.choices().size(); i++) {
            Conflict.Choice choice = c.choices().get(i);
            Label what = new Label(choice.what());
            what.getStyleClass().add(Css.COLUMN_TITLE);
            ToggleGroup group = new ToggleGroup();
            RadioButton mine = radio(group, "conflictMine" + i, messages.format("tracking.conflict.mine",
                    choice.mine()), Side.MINE);
            radio(group, "conflictTheirs" + i, messages.format("tracking.conflict.theirs", choice.theirs()),
                    Side.THEIRS);
            mine.setSelected(true);
            picks.put(choice.clash(), group);
            VBox field = new VBox(4, what);
            group.getToggles().forEach(t -> field.getChildren().add((RadioButton) t));
            fields.getChildren().add(field);
        }
        ScrollPane scroll = new ScrollPane(new VBox(12, fields, new Separator(), theirs));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        pane.setContent(new VBox(12, text, scroll));
        pane.setPrefWidth(640);
        dialog.setResizable(true);
        if (dialog.showAndWait().orElse(cancel) != merge) {
            return null;
        }
        Map<Clash, Side> choices = new LinkedHashMap<>();
        picks.forEach((clash, group) -> choices.put(clash, (Side) group.getSelectedToggle().getUserData()));
        return choices;
    }

    private static RadioButton radio(ToggleGroup group, String id, String text, Side side) {
        RadioButton radio = new RadioButton(text);
        radio.setId(id);
        radio.setWrapText(true);
        radio.setToggleGroup(group);
        radio.setUserData(side);
        return radio;
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
