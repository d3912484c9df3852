package org.iqracity.console.ui.breach;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Messages;

/** The breach screen's questions as modal dialogs over the console's window. */
public final class FxBreachDialogs implements BreachDialogs {

    private final Messages messages;
    private final Supplier<Window> owner;

    public FxBreachDialogs(Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
    }

    @Override
    public LeaveChoice askLeave() {
        ButtonType save = new ButtonType(messages.get("breach.leave.save"), ButtonData.YES);
        ButtonType discard = new ButtonType(messages.get("breach.leave.discard"), ButtonData.NO);
        ButtonType cancel = new ButtonType(messages.get("breach.leave.cancel"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, messages.get("breach.leave.text"), save, discard, cancel);
        prepare(alert.getDialogPane(), "leaveDialog", messages.get("breach.leave.title"));
        alert.setTitle(messages.get("breach.leave.title"));
        alert.initOwner(owner.get());
        alert.getDialogPane().lookupButton(save).setId("leaveSave");
        alert.getDialogPane().lookupButton(discard).setId("leaveDiscard");
        alert.getDialogPane().lookupButton(cancel).setId("leaveCancel");
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? LeaveChoice.SAVE : answer == discard ? LeaveChoice.DISCARD : LeaveChoice.CANCEL;
    }

    @Override
    public boolean confirm(Question q) {
        ButtonType ok = new ButtonType(q.ok(), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("breach.dialog.cancel"), ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(q.danger() ? Alert.AlertType.WARNING : Alert.AlertType.CONFIRMATION, q.text(), ok,
                cancel);
        alert.setTitle(q.title());
        alert.initOwner(owner.get());
        prepare(alert.getDialogPane(), q.id(), q.title());
        alert.getDialogPane().lookupButton(ok).setId(q.id() + "Ok");
        alert.getDialogPane().lookupButton(cancel).setId(q.id() + "Cancel");
        if (q.danger()) {
            // What cannot be undone never happens on Enter alone.
            ((Button) alert.getDialogPane().lookupButton(ok)).setDefaultButton(false);
            ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        }
        return alert.showAndWait().orElse(cancel) == ok;
    }

    @Override
    public boolean confirmApproval(Approval a) {
        ButtonType ok = new ButtonType(messages.get("breach.approve.ok"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("breach.dialog.cancel"), ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("breach.approve.title"));
        dialog.initOwner(owner.get());
        DialogPane pane = dialog.getDialogPane();
        prepare(pane, "approveDialog", messages.get("breach.approve.title"));
        pane.getButtonTypes().setAll(ok, cancel);
        Label text = new Label(messages.get("breach.approve.text"));
        text.setWrapText(true);
        Label title = new Label(a.title());
        title.setId("approveDialogTitle");
        title.setWrapText(true);
        title.setStyle("-fx-font-weight: bold;");
        Label learners = new Label(messages.format("breach.review.recipientsCount", a.recipients()));
        learners.setId("approveDialogLearners");
        FingerprintField textPrint = new FingerprintField("approveDialogTextFingerprint", messages);
        textPrint.show(a.fullTextFingerprint());
        FingerprintField recipientsPrint = new FingerprintField("approveDialogRecipientsFingerprint", messages);
        recipientsPrint.show(a.fullRecipientsFingerprint());
        FormGrid grid = new FormGrid();
        grid.getColumnConstraints().getFirst().setMinWidth(180);
        grid.getColumnConstraints().getFirst().setPrefWidth(180);
        grid.add(messages.get("breach.approve.notice"), title);
        grid.add(messages.get("breach.approve.learners"), learners);
        grid.add(messages.get("breach.approve.textFingerprint"), textPrint);
        grid.add(messages.get("breach.approve.recipientsFingerprint"), recipientsPrint);
        pane.setContent(new VBox(14, text, grid));
        Button okButton = (Button) pane.lookupButton(ok);
        okButton.setId("approveDialogOk");
        okButton.setDefaultButton(false);
        okButton.getStyleClass().add(Styles.SUCCESS);
        Button cancelButton = (Button) pane.lookupButton(cancel);
        cancelButton.setId("approveDialogCancel");
        // Approving is a decision made by comparing, not by pressing Enter.
        cancelButton.setDefaultButton(true);
        return dialog.showAndWait().orElse(cancel) == ok;
    }

    @Override
    public Optional<String> askReason(Question q) {
        ButtonType ok = new ButtonType(q.ok(), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("breach.dialog.cancel"), ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(q.title());
        dialog.initOwner(owner.get());
        DialogPane pane = dialog.getDialogPane();
        prepare(pane, q.id(), q.title());
        pane.getButtonTypes().setAll(ok, cancel);
        Label text = new Label(q.text());
        text.setWrapText(true);
        Label label = new Label(messages.get("breach.dialog.reason"));
        label.getStyleClass().add(Css.FIELD_LABEL);
        TextArea reason = new TextArea();
        reason.setId(q.id() + "Reason");
        reason.setWrapText(true);
        reason.setPrefRowCount(4);
        pane.setContent(new VBox(10, text, label, reason));
        Button okButton = (Button) pane.lookupButton(ok);
        okButton.setId(q.id() + "Ok");
        okButton.disableProperty().bind(reason.textProperty().map(String::isBlank));
        pane.lookupButton(cancel).setId(q.id() + "Cancel");
        if (q.danger()) {
            okButton.setDefaultButton(false);
        }
        Platform.runLater(reason::requestFocus);
        return dialog.showAndWait().filter(b -> b == ok).map(b -> reason.getText().strip());
    }

    @Override
    public Optional<RegulatorNotificationRequest> askRegulatorNotification(RegulatorNotificationRequest suggested) {
        ButtonType ok = new ButtonType(messages.get("breach.regulator.ok"), ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("breach.dialog.cancel"), ButtonData.CANCEL_CLOSE);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(messages.get("breach.regulator.title"));
        dialog.initOwner(owner.get());
        DialogPane pane = dialog.getDialogPane();
        prepare(pane, "regulatorDialog", messages.get("breach.regulator.title"));
        pane.getButtonTypes().setAll(ok, cancel);
        Label text = new Label(messages.get("breach.regulator.text"));
        text.setWrapText(true);
        ObjectProperty<Instant> when =
                new SimpleObjectProperty<>(suggested.notifiedAt());
        DateTimeField at = new DateTimeField("regulatorWhen", when, ZoneId.systemDefault());
        TextField authority = new TextField(
                suggested.authority() == null ? "" : suggested.authority());
        authority.setId("regulatorAuthority");
        authority.setPromptText(messages.get("breach.regulator.authorityPrompt"));
        TextField reference = new TextField(
                suggested.reference() == null ? "" : suggested.reference());
        reference.setId("regulatorReference");
        reference.setPromptText(messages.get("breach.regulator.referencePrompt"));
        FormGrid form = new FormGrid();
        form.add(messages.get("breach.regulator.when"), at);
        form.add(messages.get("breach.regulator.authority"), authority);
        form.add(messages.get("breach.regulator.reference"), reference);
        Label note = new Label(messages.get("breach.regulator.once"));
        note.setWrapText(true);
        note.getStyleClass().add(Css.HINT);
        pane.setContent(new VBox(12, text, form, note));
        Button okButton = (Button) pane.lookupButton(ok);
        okButton.setId("regulatorDialogOk");
        okButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> authority.getText() == null || authority.getText().isBlank() || when.get() == null,
                authority.textProperty(), when));
        pane.lookupButton(cancel).setId("regulatorDialogCancel");
        Platform.runLater(authority::requestFocus);
        return dialog.showAndWait().filter(b -> b == ok).map(b -> new RegulatorNotificationRequest(when.get(),
                authority.getText().strip(), reference.getText().strip()));
    }

    private void prepare(DialogPane pane, String id, String header) {
        pane.setId(id);
        pane.setHeaderText(header);
        pane.setPrefWidth(520);
        pane.getStylesheets().add(getClass().getResource(Css.STYLESHEET).toExternalForm());
    }
}
