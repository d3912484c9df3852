package org.iqracity.console.ui.insights;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.transform.Transform;
import javafx.stage.FileChooser;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.CoursePicker;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.StatePane;

/** Course picker on top; below, one card per chart, each with its own "Save as PNG" and "Save data as CSV". */
public final class InsightsView extends BorderPane implements AutoCloseable {
    private final InsightsViewModel vm;
    private final Messages messages;
    private final InsightCharts charts;
    private final DateTimeFormatter when;
    private final StatePane state = new StatePane();
    private final Label summary = new Label();
    private final VBox banners = new VBox(8);
    private final Map<InsightChart, Card> cards = new EnumMap<>(InsightChart.class);
    private final ScrollPane scroll;

    public InsightsView(InsightsViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.messages = messages;
        this.charts = new InsightCharts(messages, vm.words());
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(zone);
        setId("insightsView");
        getStyleClass().add(Css.INSIGHTS);
        setTop(new VBox(toolbar(), banners));
        banners.getStyleClass().add(Css.BANNERS);

        GridPane grid = new GridPane();
        grid.setId("insightCards");
        grid.setHgap(16);
        grid.setVgap(16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        place(grid, InsightChart.ENROLLMENTS, 0, 0, 1);
        place(grid, InsightChart.ACTIVE, 1, 0, 1);
        place(grid, InsightChart.FUNNEL, 0, 1, 1);
        place(grid, InsightChart.PROGRESS, 1, 1, 1);
        place(grid, InsightChart.GRADES, 0, 2, 1);
        place(grid, InsightChart.EDUCATION, 1, 2, 1);
        place(grid, InsightChart.COUNTRIES, 0, 3, 2);
        scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        setCenter(new StackPane(scroll, state));

        vm.stateProperty().addListener((obs, old, now) -> showState());
        vm.insightsProperty().addListener((obs, old, now) -> show(now));
        vm.noticeProperty().addListener((obs, old, now) -> showNotice());
        showState();
        vm.load();
    }

    private Node toolbar() {
        ComboBox<CourseDto> courses = CoursePicker.searchable(vm.courses(), messages);
        courses.setId("insightsCoursePicker");
        // Never narrower than the chosen course's title (CoursePicker): the summary beside it wraps instead.
        courses.setPrefWidth(360);
        courses.valueProperty().bindBidirectional(vm.courseProperty());
        courses.setPromptText(messages.get("insights.course"));
        summary.setId("insightsSummary");
        summary.getStyleClass().add(Css.PERSON_DETAIL);
        summary.setWrapText(true);
        HBox.setHgrow(summary, Priority.SOMETIMES);
        Button refresh = Fit.whole(new Button(messages.get("insights.refresh"), Icons.of(AppIcon.REFRESH)));
        refresh.setId("refreshInsights");
        refresh.setOnAction(e -> vm.reload());
        HBox bar = new HBox(12, courses, summary, new Spacer(), refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Css.TOOLBAR);
        return bar;
    }

    /** One chart's card: the part that becomes the picture (title, hint, chart, legend, note) and its buttons. */
    private final class Card {
        final InsightChart chart;
        final VBox picture = new VBox(6);
        final StackPane body = new StackPane();
        final VBox legendBox = new VBox();
        final Label note = new Label();
        final HBox buttons;

        Card(InsightChart chart) {
            this.chart = chart;
            Label title = new Label(messages.get(chart.titleKey()));
            title.getStyleClass().add(Css.INSIGHT_CARD_TITLE);
            Fit.wrapping(title);
            Label hint = new Label(messages.get("insights.hint." + chart.name()));
            hint.getStyleClass().add(Css.INSIGHT_HINT);
            hint.setWrapText(true);
            note.getStyleClass().add(Css.INSIGHT_NOTE);
            note.setWrapText(true);
            Button png = new Button(null, Icons.of(AppIcon.PICTURE));
            png.setId("savePng-" + chart.name());
            png.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            png.setTooltip(new Tooltip(messages.get("insights.savePicture")));
            png.setAccessibleText(messages.format("insights.savePictureOf", title.getText()));
            png.setOnAction(e -> savePicture(this));
            Button csv = new Button(null, Icons.of(AppIcon.CSV));
            csv.setId("saveCsv-" + chart.name());
            csv.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            csv.setTooltip(new Tooltip(messages.get("insights.saveData")));
            csv.setAccessibleText(messages.format("insights.saveDataOf", title.getText()));
            csv.setOnAction(e -> choose(chart, "csv", path -> vm.saveData(chart, path)));
            buttons = new HBox(2, png, csv);
            HBox head = new HBox(8, title, new Spacer(), buttons);
            head.setAlignment(Pos.CENTER_LEFT);
            body.setMinHeight(chart == InsightChart.COUNTRIES ? 300 : 280);
            VBox.setVgrow(body, Priority.ALWAYS);
            picture.getChildren().addAll(head, hint, body, legendBox, note);
            picture.getStyleClass().add(Css.INSIGHT_CARD);
            picture.setId("insight-" + chart.name());
        }

        void show(CourseInsightsDto dto) {
            InsightCharts.Built built = charts.build(chart, dto);
            // A screen reader says what the chart shows; its numbers are in the CSV the card saves.
            built.chart().setAccessibleText(messages.get(chart.titleKey()) + ". "
                    + messages.get("insights.hint." + chart.name()));
            body.getChildren().setAll(built.chart());
            legendBox.getChildren().setAll(built.legend() == null ? List.of() : List.of(built.legend()));
            note.setText(messages.format("insights.suppressed.note", built.withheld()));
            note.setGraphic(built.withheld() > 0 ? Icons.of(AppIcon.LOCK) : null);
        }
    }

    private void place(GridPane grid, InsightChart chart, int column, int row, int span) {
        Card card = new Card(chart);
        cards.put(chart, card);
        grid.add(card.picture, column, row, span, 1);
    }

    private void show(CourseInsightsDto dto) {
        if (dto == null || dto.suppressed()) {
            return;
        }
        cards.values().forEach(c -> c.show(dto));
        summary.setText(vm.words().count(dto.enrolled()) + " " + messages.get("insights.enrolled") + "  \u00b7  "
                + messages.format("insights.computedAt", when.format(dto.computedAt())));
    }

    private void showState() {
        InsightsViewModel.State now = vm.stateProperty().get();
        boolean ready = now == InsightsViewModel.State.READY;
        scroll.setVisible(ready);
        state.setVisible(!ready);
        summary.setVisible(ready);
        switch (now) {
            case LOADING -> state.loading(messages.get("insights.loading"));
            case NO_COURSES -> state.message(AppIcon.COURSE, messages.get("insights.noCourses.title"),
                    messages.get("insights.noCourses.text"));
            case SUPPRESSED -> state.message(AppIcon.LOCK, messages.get("insights.suppressedCourse.title"),
                    messages.get("insights.suppressedCourse.text"));
            case EMPTY -> state.message(AppIcon.EMPTY, messages.get("insights.empty.title"),
                    messages.get("insights.empty.text"));
            case ERROR -> state.error(messages.get("insights.error.title"), vm.errorProperty().get(),
                    messages.get("insights.retry"), vm::reload);
            case READY -> {
                // the charts show
            }
        }
    }

    private void showNotice() {
        banners.getChildren().clear();
        InsightsViewModel.Notice notice = vm.noticeProperty().get();
        if (notice != null) {
            Message m = new Message(null, notice.text(), Icons.of(notice.ok() ? AppIcon.CHECK : AppIcon.ERROR));
            m.setId("insightsNotice");
            m.getStyleClass().add(notice.ok() ? Styles.SUCCESS : Styles.DANGER);
            m.setOnClose(e -> vm.dismissNotice());
            banners.getChildren().add(m);
        }
    }

    /** The card as it shows, at twice the screen's density, without its buttons. */
    private void savePicture(Card card) {
        choose(card.chart, "png", path -> vm.savePicture(card.chart, picture(card.picture, card.buttons), path));
    }

    /** What "Save as PNG" writes: {@code node} at twice its size, {@code hide} (its buttons) left out. */
    public static Picture picture(Node node, Node hide) {
        hide.setVisible(false);
        try {
            SnapshotParameters params = new SnapshotParameters();
            params.setTransform(Transform.scale(2, 2));
            WritableImage image = node.snapshot(params, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            int[] argb = new int[w * h];
            image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
            return new Picture(w, h, argb);
        } finally {
            hide.setVisible(true);
        }
    }

    private void choose(InsightChart chart, String extension, Consumer<Path> then) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.format("insights.save.title", messages.get(chart.titleKey())));
        chooser.setInitialFileName(vm.suggestedName(chart, extension));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                messages.get("insights.save." + extension), "*." + extension));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            Path path = Path.of(file.getPath());
            if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension)) {
                path = path.resolveSibling(path.getFileName() + "." + extension);
            }
            then.accept(path);
        }
    }

    @Override
    public void close() {
        vm.dispose();
    }
}
