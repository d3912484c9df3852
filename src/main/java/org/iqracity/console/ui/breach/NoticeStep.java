package org.iqracity.console.ui.breach;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** Step 4: the subject and text with placeholders, and the notice as one learner of the scope would get it. */
final class NoticeStep extends SideBySide {

    private final Messages messages;

    NoticeStep(DraftViewModel vm, IncidentViewModel incident, Messages messages, BreachWords words) {
        super(16, 380, true);
        this.messages = messages;
        setId("noticeStep");
        TextField subject = FormGrid.field("noticeSubject", vm.subjectProperty());
        TextArea body = FormGrid.area("noticeBody", vm.bodyProperty(), 22);
        body.getStyleClass().add(Css.NOTICE_TEXT);
        MenuButton insert = new MenuButton(messages.get("breach.editor.insert"));
        insert.setId("insertPlaceholder");
        for (String placeholder : NoticeTemplate.PLACEHOLDERS) {
            MenuItem item = new MenuItem(placeholder);
            // "{{learner_name}}" as it is: an underscore is not a keyboard shortcut here.
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                body.insertText(body.getCaretPosition(), placeholder);
                body.requestFocus();
            });
            insert.getItems().add(item);
        }
        Button reset = new Button(messages.get("breach.editor.reset"), Icons.of(AppIcon.UNDO));
        reset.setId("resetTemplate");
        reset.setOnAction(e -> vm.resetToTemplate());
        Label hint = new Label(messages.get("breach.editor.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Css.HINT);
        HBox tools = new HBox(8, insert, reset);
        tools.setAlignment(Pos.CENTER_LEFT);
        Label subjectLabel = new Label(messages.get("breach.editor.subject"));
        subjectLabel.getStyleClass().add(Css.FIELD_LABEL);
        Label bodyLabel = new Label(messages.get("breach.editor.body"));
        bodyLabel.getStyleClass().add(Css.FIELD_LABEL);
        Node checkedBody = FormGrid.checked(body, vm, DraftField.BODY);
        VBox editor = new VBox(6, subjectLabel, FormGrid.checked(subject, vm, DraftField.SUBJECT), bodyLabel,
                checkedBody, tools, hint);
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox.setVgrow(checkedBody, Priority.ALWAYS);
        editor.setMinWidth(380);
        set(editor, preview(vm, incident));
    }

    private VBox preview(DraftViewModel vm, IncidentViewModel incident) {
        Label title = new Label(messages.get("breach.preview.title"), Icons.of(AppIcon.EYE));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        ComboBox<BreachPreviewDto.SampleLearner> learner = new ComboBox<>(vm.sample());
        learner.setId("sampleLearner");
        learner.setMaxWidth(Double.MAX_VALUE);
        learner.setPromptText(messages.get("breach.preview.pick"));
        learner.setCellFactory(l -> new SampleCell());
        learner.setButtonCell(new SampleCell());
        learner.valueProperty().bindBidirectional(vm.sampleLearnerProperty());
        Button refresh = new Button(null, Icons.of(AppIcon.REFRESH));
        refresh.setId("refreshMessage");
        refresh.getStyleClass().addAll(Styles.BUTTON_ICON);
        refresh.setOnAction(e -> vm.loadMessage());
        refresh.setTooltip(new Tooltip(messages.get("breach.notice.refresh")));
        refresh.setAccessibleText(messages.get("breach.notice.refresh"));
        HBox pick = new HBox(6, learner, refresh);
        HBox.setHgrow(learner, Priority.ALWAYS);

        Label to = new Label();
        to.setId("messageTo");
        to.setWrapText(true);
        to.getStyleClass().add(Css.HINT);
        Label subject = new Label();
        subject.setId("messageSubject");
        subject.setWrapText(true);
        subject.getStyleClass().add(Css.SECTION_CARD_TITLE);
        TextArea text = new TextArea();
        text.setId("messageText");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add(Css.NOTICE_TEXT);
        TextArea html = new TextArea();
        html.setId("messageHtml");
        html.setEditable(false);
        html.setWrapText(true);
        html.getStyleClass().add(Css.NOTICE_TEXT);
        Button open = new Button(messages.get("breach.preview.openHtml"), Icons.of(AppIcon.SITE));
        open.setId("openHtml");
        open.setOnAction(e -> incident.files().openHtml(html.getText()));
        VBox htmlBox = new VBox(6, html, open);
        VBox.setVgrow(html, Priority.ALWAYS);
        Tab textTab = new Tab(messages.get("breach.preview.text"), text);
        textTab.setId("messageTextTab");
        Tab htmlTab = new Tab(messages.get("breach.preview.html"), htmlBox);
        htmlTab.setId("messageHtmlTab");
        TabPane tabs = new TabPane(textTab, htmlTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Label error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add(Css.FIELD_ERROR);
        error.textProperty().bind(vm.messageErrorProperty());
        error.visibleProperty().bind(vm.messageErrorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());

        Runnable show = () -> {
            NoticeMessageDto m = vm.messageProperty().get();
            to.setText(m == null ? "" : recipient(m));
            subject.setText(m == null ? "" : m.subject());
            text.setText(m == null ? "" : m.text());
            html.setText(m == null || m.html() == null ? "" : m.html());
            open.setDisable(m == null || m.html() == null);
        };
        vm.messageProperty().addListener(x -> show.run());
        show.run();
        VBox box = new VBox(8, title, pick, to, subject, tabs, error);
        box.getStyleClass().add(Css.SECTION_CARD);
        box.setId("messagePreview");
        box.setMinWidth(360);
        box.setPrefWidth(460);
        return box;
    }

    private String recipient(NoticeMessageDto m) {
        StringBuilder s = new StringBuilder();
        if (m.emailTo() != null) {
            s.append(messages.format("breach.preview.emailTo", m.emailTo()));
        }
        if (m.letterAddress() != null) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append(messages.format("breach.preview.letterTo", m.letterAddress().replace('\n', ',')));
        }
        if (m.flags() != null && !m.flags().isEmpty()) {
            if (!s.isEmpty()) {
                s.append('\n');
            }
            s.append(String.join(" \u00b7 ", m.flags()));
        }
        return s.toString();
    }

    private static final class SampleCell extends ListCell<BreachPreviewDto.SampleLearner> {
        @Override
        protected void updateItem(BreachPreviewDto.SampleLearner item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.username() + "  \u00b7  " + item.learnerId());
        }
    }
}
