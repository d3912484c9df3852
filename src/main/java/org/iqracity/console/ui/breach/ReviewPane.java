package org.iqracity.console.ui.breach;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/**
 * A submitted notice as the second officer reviews it: the text, who it reaches, and the two fingerprints that name
 * exactly what an approval approves. From approval on, the same view shows what was approved, by whom.
 */
final class ReviewPane extends SideBySide {

    private final IncidentViewModel vm;
    private final Messages messages;
    private final BreachFormat format;
    private final Label status = new Label();
    private final Message authorNote = new Message();
    private final BooleanProperty mayApprove =
            new SimpleBooleanProperty();
    private final Message moved = new Message();
    private final FingerprintField textFingerprint;
    private final FingerprintField recipientsFingerprint;
    private final Label recipients = new Label();
    private final Label subject = new Label();
    private final TextArea body = new TextArea();
    private final HBox actions;

    ReviewPane(IncidentViewModel vm, ObservableValue<IncidentDto> incident, Messages messages, BreachFormat format) {
        super(16, 360);
        this.vm = vm;
        this.messages = messages;
        this.format = format;
        this.textFingerprint = new FingerprintField("textFingerprint", messages);
        this.recipientsFingerprint = new FingerprintField("recipientsFingerprint", messages);
        setId("reviewPane");
        status.setId("reviewStatus");
        status.setWrapText(true);
        authorNote.setId("authorNote");
        authorNote.getStyleClass().add(Styles.WARNING);
        authorNote.setGraphic(Icons.of(AppIcon.SHIELD_KEY));
        authorNote.setDescription(messages.get("breach.review.author"));
        authorNote.managedProperty().bind(authorNote.visibleProperty());
        moved.setId("recipientsMoved");
        moved.getStyleClass().add(Styles.DANGER);
        moved.setGraphic(Icons.of(AppIcon.WARNING));
        moved.setDescription(messages.get("breach.review.moved"));
        moved.managedProperty().bind(moved.visibleProperty());

        Button approve = new Button(messages.get("breach.review.approve"), Icons.of(AppIcon.APPROVE));
        approve.setId("approveNotice");
        approve.getStyleClass().add(Styles.SUCCESS);
        approve.setOnAction(e -> vm.approve());
        Button back = new Button(messages.get("breach.review.return"), Icons.of(AppIcon.RETURN));
        back.setId("returnNotice");
        back.setOnAction(e -> vm.returnToAuthor());
        // Only an officer who wrote none of the notice may approve it; the platform says who that is.
        approve.disableProperty().bind(vm.busyProperty().or(mayApprove.not()));
        back.disableProperty().bind(vm.busyProperty());
        actions = new HBox(10, approve, back);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.managedProperty().bind(actions.visibleProperty());

        Label fpTitle = new Label(messages.get("breach.review.fingerprints"), Icons.of(AppIcon.FINGERPRINT));
        fpTitle.getStyleClass().add(Css.SECTION_CARD_TITLE);
        Label fpHint = new Label(messages.get("breach.review.fingerprints.hint"));
        fpHint.setWrapText(true);
        fpHint.getStyleClass().add(Css.HINT);
        FormGrid fps = new FormGrid();
        // Short labels: the fingerprints get the room, and are never cut.
        fps.getColumnConstraints().getFirst().setMinWidth(90);
        fps.getColumnConstraints().getFirst().setPrefWidth(100);
        fps.add(messages.get("breach.review.textFingerprint"), textFingerprint);
        fps.add(messages.get("breach.review.recipientsFingerprint"), recipientsFingerprint);
        fps.add(messages.get("breach.review.recipients"), recipients);
        recipients.setId("reviewRecipients");
        VBox fpCard = new VBox(8, fpTitle, fpHint, fps);
        fpCard.getStyleClass().add(Css.SECTION_CARD);

        Label textTitle = new Label(messages.get("breach.review.text"), Icons.of(AppIcon.TEXT));
        textTitle.getStyleClass().add(Css.SECTION_CARD_TITLE);
        subject.setId("reviewSubject");
        subject.setWrapText(true);
        subject.setStyle("-fx-font-weight: bold;");
        body.setId("reviewBody");
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefRowCount(16);
        body.getStyleClass().add(Css.NOTICE_TEXT);
        Label filled = new Label(messages.get("breach.review.filled"));
        filled.setWrapText(true);
        filled.getStyleClass().add(Css.HINT);
        VBox textCard = new VBox(8, textTitle, filled, subject, body);
        textCard.getStyleClass().add(Css.SECTION_CARD);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox.setVgrow(textCard, Priority.ALWAYS);

        VBox left = new VBox(12, status, authorNote, moved, actions, fpCard, textCard);
        CountsCard counts = new CountsCard("reviewCounts", vm.previewProperty(),
                Bindings.createObjectBinding(() -> vm.previewProperty().get() == null
                        ? DraftViewModel.PreviewState.NONE : DraftViewModel.PreviewState.READY, vm.previewProperty()),
                new SimpleStringProperty(), messages, format, "breach.counts.now");
        counts.visibleProperty().bind(vm.previewProperty().isNotNull());
        counts.managedProperty().bind(counts.visibleProperty());
        set(left, counts);
        incident.addListener((obs, old, now) -> show(now));
        vm.previewProperty().addListener(x -> show(incident.getValue()));
        show(incident.getValue());
    }

    private void show(IncidentDto dto) {
        if (dto == null) {
            return;
        }
        boolean submitted = dto.state() == IncidentState.SUBMITTED;
        actions.setVisible(submitted);
        mayApprove.set(submitted && dto.youMayApprove());
        authorNote.setVisible(submitted && !dto.youMayApprove());
        moved.setVisible(submitted && vm.recipientsMoved());
        if (submitted) {
            status.setText(messages.format("breach.review.submitted", name(dto.submittedBy()),
                    format.when(dto.submittedAt())));
        } else if (dto.approvedBy() != null) {
            status.setText(messages.format("breach.review.approvedBy", name(dto.approvedBy()),
                    format.when(dto.approvedAt()), name(dto.submittedBy())));
        } else {
            status.setText(messages.get("breach.review.notApproved"));
        }
        textFingerprint.show(dto.textFingerprint());
        recipientsFingerprint.show(dto.recipientsFingerprint());
        recipients.setText(messages.format("breach.review.recipientsCount", dto.recipientCount()));
        subject.setText(vm.filledSubject(dto));
        body.setText(vm.filledBody(dto));
    }

    private String name(String who) {
        return who == null ? messages.get("breach.unknown") : who;
    }
}
