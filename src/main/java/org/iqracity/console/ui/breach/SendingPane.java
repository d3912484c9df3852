package org.iqracity.console.ui.breach;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryProgressDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.HeaderWidths;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;

/** Sending with live progress, and every delivery record with filters, retry and the settling of in-doubt ones. */
final class SendingPane extends VBox {

    private final IncidentViewModel vm;
    private final DeliveriesViewModel deliveries;
    private final Messages messages;
    private final BreachWords words;
    private final BreachFormat format;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label progressText = new Label();
    private final FlowPane chips = new FlowPane(8, 6);
    private final Button send = new Button();
    private final Button retry = new Button();
    private final Button letters = new Button();
    private final BooleanProperty anyInDoubt = new SimpleBooleanProperty();

    SendingPane(IncidentViewModel vm, DeliveriesViewModel deliveries, ObservableValue<IncidentDto> incident,
                Messages messages, BreachWords words, BreachFormat format) {
        super(12);
        this.vm = vm;
        this.deliveries = deliveries;
        this.messages = messages;
        this.words = words;
        this.format = format;
        setId("sendingPane");
        getChildren().addAll(progressCard(), table());
        incident.addListener((obs, old, now) -> show(now));
        show(incident.getValue());
    }

    private VBox progressCard() {
        Label title = new Label(messages.get("breach.sending.title"), Icons.of(AppIcon.SEND));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        bar.setId("sendProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        progressText.setId("sendProgressText");
        chips.setId("sendCounts");
        send.setText(messages.get("breach.sending.send"));
        send.setGraphic(Icons.of(AppIcon.SEND));
        send.setId("sendNotices");
        send.getStyleClass().add(Styles.ACCENT);
        send.setOnAction(e -> vm.send());
        retry.setText(messages.get("breach.sending.retry"));
        retry.setGraphic(Icons.of(AppIcon.REFRESH));
        retry.setId("retryFailed");
        retry.setOnAction(e -> vm.retryFailed());
        letters.setText(messages.get("breach.sending.letters"));
        letters.setGraphic(Icons.of(AppIcon.PDF));
        letters.setId("openLetters");
        letters.setOnAction(e -> vm.files().openLetters());
        letters.disableProperty().bind(vm.files().downloadingProperty());
        for (Button b : List.of(send, retry, letters)) {
            b.managedProperty().bind(b.visibleProperty());
        }
        send.disableProperty().bind(vm.busyProperty());
        retry.disableProperty().bind(vm.busyProperty());
        HBox top = new HBox(10, title, new Spacer(), letters, retry, send);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(10, top, bar, progressText, chips);
        card.getStyleClass().add(Css.SECTION_CARD);
        return card;
    }

    private void show(IncidentDto dto) {
        if (dto == null) {
            return;
        }
        SendingState state = SendingState.of(dto);
        DeliveryProgressDto p = state.counts();
        bar.setProgress(state.progress());
        progressText.setText(state.text(messages));
        chips.getChildren().setAll(
                chip(AppIcon.CHECK, "breach.status.SENT", p.sent(), Styles.SUCCESS),
                chip(AppIcon.CLOCK, "breach.status.PENDING", p.pending(), null),
                chip(AppIcon.REFRESH, "breach.status.RETRY", p.retrying(), null),
                chip(AppIcon.CROSS, "breach.status.FAILED", p.failed(), p.failed() > 0 ? Styles.DANGER : null),
                chip(AppIcon.WARNING, "breach.status.IN_DOUBT", p.inDoubt(), p.inDoubt() > 0 ? Styles.WARNING : null),
                chip(AppIcon.RETIRED, "breach.status.UNREACHABLE", p.unreachable(), null),
                chip(AppIcon.LETTER, "breach.status.READY", p.lettersReady(), null),
                chip(AppIcon.STOP, "breach.status.CANCELLED", p.cancelled(), null));
        anyInDoubt.set(state.anyInDoubt());
        send.setVisible(state.mayStart());
        retry.setVisible(state.mayRetry());
        letters.setVisible(state.hasLetters());
    }

    private Label chip(AppIcon icon, String key, long n, String style) {
        Label l = new Label(messages.get(key) + "  " + format.count(n), Icons.of(icon));
        l.getStyleClass().add(Css.PROGRESS_CHIP);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private VBox table() {
        ComboBox<DeliveryStatus> status = new ComboBox<>();
        List<DeliveryStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(Arrays.asList(DeliveryStatus.values()));
        status.setItems(FXCollections.observableArrayList(statuses));
        status.setId("deliveryStatusFilter");
        status.setCellFactory(l -> new WordsCell<>(words::status));
        status.setButtonCell(new WordsCell<>(words::status));
        status.valueProperty().bindBidirectional(deliveries.statusProperty());
        ComboBox<NoticeChannel> channel = new ComboBox<>();
        List<NoticeChannel> channels = new ArrayList<>();
        channels.add(null);
        channels.addAll(Arrays.asList(NoticeChannel.values()));
        channel.setItems(FXCollections.observableArrayList(channels));
        channel.setId("deliveryChannelFilter");
        channel.setCellFactory(l -> new WordsCell<>(words::channel));
        channel.setButtonCell(new WordsCell<>(words::channel));
        channel.valueProperty().bindBidirectional(deliveries.channelProperty());

        TableView<DeliveryDto> table = new TableView<>(deliveries.rows());
        table.setId("deliveryTable");
        // Headers read whole ("Channel", "Attempts", "Jurisdiction"): a narrow window scrolls the table sideways.
        HeaderWidths.keepWhole(table);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                col("breach.deliveries.col.learner", 130, DeliveryDto::username),
                col("breach.deliveries.col.channel", 70, d -> words.channel(d.channel())),
                col("breach.deliveries.col.status", 120, d -> words.status(d.status())),
                col("breach.deliveries.col.attempts", 80, d -> Integer.toString(d.attempts())),
                col("breach.deliveries.col.when", 170, d -> d.sentAt() != null ? format.when(d.sentAt())
                        : d.lastAttemptAt() != null ? format.when(d.lastAttemptAt()) : ""),
                col("breach.deliveries.col.jurisdiction", 100, d -> d.jurisdiction() == null ? "" : d.jurisdiction()),
                col("breach.deliveries.col.detail", 220, d -> d.error() == null ? "" : d.error())));
        table.getColumns().forEach(c -> c.setMinWidth(c.getPrefWidth() * 0.8));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DeliveryDto d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().remove(Css.OUTCOME_FAILED);
                if (!empty && SendingState.wentWrong(d)) {
                    getStyleClass().add(Css.OUTCOME_FAILED);
                }
            }
        });
        Label placeholder = new Label();
        table.setPlaceholder(placeholder);
        deliveries.stateProperty().addListener((obs, old, now) -> placeholder.setText(switch (now) {
            case LOADING -> messages.get("breach.deliveries.loading");
            case ERROR -> deliveries.errorProperty().get();
            default -> messages.get("breach.deliveries.empty");
        }));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button delivered = new Button(messages.get("breach.deliveries.markDelivered"), Icons.of(AppIcon.CHECK));
        delivered.setId("resolveDelivered");
        Button again = new Button(messages.get("breach.deliveries.sendAgain"), Icons.of(AppIcon.SEND));
        again.setId("resolveSendAgain");
        var inDoubt = table.getSelectionModel().selectedItemProperty()
                .map(SendingState::settledByHand).orElse(false);
        delivered.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !inDoubt.getValue() || deliveries.resolvingProperty().get(), inDoubt,
                deliveries.resolvingProperty()));
        again.disableProperty().bind(delivered.disableProperty());
        delivered.setOnAction(e -> deliveries.resolve(table.getSelectionModel().getSelectedItem(),
                DeliveryResolution.DELIVERED));
        again.setOnAction(e -> deliveries.resolve(table.getSelectionModel().getSelectedItem(),
                DeliveryResolution.SEND_AGAIN));
        Button refresh = new Button(null, Icons.of(AppIcon.REFRESH));
        refresh.setId("refreshDeliveries");
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setOnAction(e -> deliveries.reload());
        named(refresh, messages.get("breach.deliveries.refresh"));
        Button previous = new Button(null, Icons.of(AppIcon.BACK));
        previous.setId("deliveriesPrevious");
        previous.getStyleClass().add(Styles.BUTTON_ICON);
        previous.disableProperty().bind(deliveries.pageProperty().isEqualTo(0));
        previous.setOnAction(e -> deliveries.previousPage());
        named(previous, messages.get("breach.deliveries.previous"));
        Button next = new Button(null, Icons.of(AppIcon.NEXT));
        next.setId("deliveriesNext");
        next.getStyleClass().add(Styles.BUTTON_ICON);
        next.disableProperty().bind(deliveries.hasNextProperty().not());
        next.setOnAction(e -> deliveries.nextPage());
        named(next, messages.get("breach.deliveries.next"));
        Label range = new Label();
        range.setId("deliveriesRange");
        deliveries.rows().addListener((ListChangeListener<DeliveryDto>) c -> range.setText(deliveries.range()));
        deliveries.totalProperty().addListener(x -> range.setText(deliveries.range()));

        Label title = new Label(messages.get("breach.deliveries.title"));
        title.getStyleClass().add(Css.SECTION_CARD_TITLE);
        HBox filters = new HBox(8, title, new Spacer(), status, channel, refresh);
        filters.setAlignment(Pos.CENTER_LEFT);
        HBox paging = new HBox(8, delivered, again, new Spacer(), range, previous, next);
        paging.setAlignment(Pos.CENTER_LEFT);
        Label inDoubtHint = new Label(messages.get("breach.deliveries.inDoubtHint"), Icons.of(AppIcon.WARNING));
        inDoubtHint.setWrapText(true);
        inDoubtHint.setMinHeight(Region.USE_PREF_SIZE);
        inDoubtHint.getStyleClass().add(Css.HINT);
        // Settling in-doubt messages is rare: its buttons and words appear only while some are in doubt.
        for (Node n : List.of(delivered, again, inDoubtHint)) {
            n.visibleProperty().bind(anyInDoubt);
            n.managedProperty().bind(anyInDoubt);
        }
        VBox box = new VBox(8, filters, new StackPane(table), paging, inDoubtHint);
        VBox.setVgrow(box.getChildren().get(1), Priority.ALWAYS);
        VBox.setVgrow(box, Priority.ALWAYS);
        box.setMinHeight(320);
        return box;
    }

    private TableColumn<DeliveryDto, String> col(String key, double width, Function<DeliveryDto,
            String> value) {
        return ChannelsStep.column(messages.get(key), width, value);
    }

    /** A filter choice in words; null reads as "any". */
    private static final class WordsCell<T> extends ListCell<T> {
        private final Function<T, String> words;

        WordsCell(Function<T, String> words) {
            this.words = words;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : words.apply(item));
        }
    }

    /** An icon-only button's name, for the eye (tooltip) and for a screen reader (accessible text). */
    private static void named(Button button, String name) {
        button.setTooltip(new Tooltip(name));
        button.setAccessibleText(name);
    }
}
