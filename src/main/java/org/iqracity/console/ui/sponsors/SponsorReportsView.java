package org.iqracity.console.ui.sponsors;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.io.File;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Fit;
import org.iqracity.console.ui.common.HeaderWidths;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.StatePane;
import org.iqracity.console.ui.sponsors.SponsorReportsViewModel.ExportFormat;

/** Sponsors and their courses on the left; the report as the sponsor will see it, its release and history. */
public final class SponsorReportsView extends BorderPane implements AutoCloseable {

    private final SponsorReportsViewModel vm;
    private final Messages messages;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final NumberFormat percent;
    private final StatePane listState = new StatePane();
    private final StatePane reportState = new StatePane();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final Label heading = new Label();
    private final Label subheading = new Label();
    private final VBox banners = new VBox(8);
    private final Node reportBody;

    public SponsorReportsView(SponsorReportsViewModel vm, Messages messages, ZoneId zone) {
        this.vm = vm;
        this.messages = messages;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale()).withZone(zone);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(zone);
        this.percent = NumberFormat.getPercentInstance(messages.locale());
        setId("sponsorReportsView");

        tree.setId("sponsorTree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new SponsorCell());
        tree.getStyleClass().add(Css.SPONSOR_TREE);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null && item.getValue() instanceof SponsorSummaryDto.CourseCount course
                    && item.getParent().getValue() instanceof SponsorSummaryDto sponsor) {
                vm.select(sponsor, course);
            }
        });
        vm.sponsors().addListener((ListChangeListener<SponsorSummaryDto>) c -> fillTree());
        vm.marks().changes().addListener(o -> tree.refresh());
        StackPane left = new StackPane(tree, listState);
        left.setMinWidth(260);

        this.reportBody = reportBody();
        StackPane right = new StackPane(reportBody, reportState);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.24);
        SplitPane.setResizableWithParent(left, false);
        setCenter(split);

        vm.stateProperty().addListener((obs, old, now) -> showListState());
        vm.reportStateProperty().addListener((obs, old, now) -> showReportState());
        vm.reportProperty().addListener((obs, old, now) -> showHeading());
        vm.noticeProperty().addListener((obs, old, now) -> showBanners());
        showListState();
        showReportState();
        showBanners();
        vm.load();
    }

    private Node reportBody() {
        heading.setId("reportHeading");
        heading.getStyleClass().add(Css.SCREEN_TITLE);
        Fit.wrapping(heading);
        subheading.getStyleClass().add(Css.PERSON_DETAIL);
        Fit.wrapping(subheading);
        Button release = new Button(messages.get("sponsors.release"), Icons.of(AppIcon.SEND));
        release.setId("releaseReport");
        release.getStyleClass().add(Styles.ACCENT);
        release.disableProperty().bind(vm.releasingProperty());
        release.setOnAction(e -> confirmRelease());
        MenuButton exportCurrent = new MenuButton(messages.get("sponsors.export.current"), Icons.of(AppIcon.DOWNLOAD));
        exportCurrent.setId("exportCurrent");
        for (ExportFormat format : ExportFormat.values()) {
            MenuItem item = new MenuItem(messages.get("sponsors.export." + format.extension()));
            item.setId("exportCurrent" + format.name());
            item.setOnAction(e -> chooseFile("sponsor-report-preview", format,
                    path -> vm.exportCurrent(path, format)));
            exportCurrent.getItems().add(item);
        }
        // a long sponsor and course name gives way, not the actions beside it
        exportCurrent.setMinWidth(Region.USE_PREF_SIZE);
        release.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, new VBox(2, heading, subheading), new Spacer(), exportCurrent, release);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add(Css.TOOLBAR);

        Label withheld = new Label(messages.get("sponsors.withheld"), Icons.of(AppIcon.LOCK));
        withheld.setId("withheldNote");
        // What sponsors never receive is read whole, on as many lines as the window needs.
        Fit.wrapping(withheld);
        withheld.getStyleClass().add(Css.QUIET_NOTE);

        TableView<SponsorReportRowDto> table = reportTable();
        VBox.setVgrow(table, Priority.ALWAYS);

        Label historyTitle = new Label(messages.get("sponsors.history"));
        historyTitle.getStyleClass().add(Css.SECTION_TITLE);
        TableView<SponsorReleaseDto> history = historyTable();
        MenuButton exportRelease = new MenuButton(messages.get("sponsors.export.release"), Icons.of(AppIcon.DOWNLOAD));
        exportRelease.setId("exportRelease");
        exportRelease.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull());
        // A release is the platform's snapshot: it comes as the sponsor receives it, CSV or PDF.
        for (ExportFormat format : new ExportFormat[] {ExportFormat.CSV, ExportFormat.PDF}) {
            MenuItem item = new MenuItem(messages.get("sponsors.export." + format.extension()));
            item.setId("exportRelease" + format.name());
            item.setOnAction(e -> chooseFile("sponsor-report-release", format,
                    path -> vm.exportRelease(history.getSelectionModel().getSelectedItem(), path)));
            exportRelease.getItems().add(item);
        }
        // a disabled button shows no tooltip: the reason stands beside it while nothing is selected
        Label exportHint = new Label(messages.get("sponsors.export.release.hint"));
        exportHint.setId("exportReleaseHint");
        exportHint.getStyleClass().add(Styles.TEXT_MUTED);
        exportHint.setWrapText(true);
        exportHint.visibleProperty().bind(exportRelease.disabledProperty()
                .and(Bindings.isNotEmpty(history.getItems())));
        exportHint.managedProperty().bind(exportHint.visibleProperty());
        HBox historyBar = new HBox(12, historyTitle, new Spacer(), exportHint, exportRelease);
        historyBar.setAlignment(Pos.CENTER_LEFT);
        historyBar.getStyleClass().add(Css.TOOLBAR);

        banners.getStyleClass().add(Css.BANNERS);
        VBox body = new VBox(top, banners, withheld, table, historyBar, history);
        body.getStyleClass().add(Css.REPORT_PANE);
        return body;
    }

    private TableView<SponsorReportRowDto> reportTable() {
        TableView<SponsorReportRowDto> table = new TableView<>(vm.rows());
        table.setId("sponsorReportTable");
        HeaderWidths.keepWhole(table);
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(32);
        table.getColumns().addAll(List.of(
                // A name and a date read whole: a narrow window scrolls the table sideways instead.
                atLeast(column("sponsors.col.learner", 170, r -> r.learnerName() == null
                        ? messages.get("sponsors.retired") : r.learnerName()), 160),
                column("sponsors.col.status", 90, r -> status(r.enrollmentStatus())),
                atLeast(column("sponsors.col.enrolled", 115, r -> format(date, r.enrolledAt())), 115),
                atLeast(column("sponsors.col.lastActivity", 115, r -> format(date, r.lastActivityAt())), 115),
                column("sponsors.col.activeDays", 100, r -> Integer.toString(r.activeDays())),
                column("sponsors.col.progress", 80, r -> percent.format(r.progress())),
                column("sponsors.col.completed", 100, r -> yesNo(r.completed())),
                column("sponsors.col.passed", 70, r -> yesNo(r.passed())),
                column("sponsors.col.certificate", 100, r -> yesNo(r.certificate()))));
        table.setPlaceholder(new Label(messages.get("sponsors.report.empty")));
        return table;
    }

    private TableView<SponsorReleaseDto> historyTable() {
        TableView<SponsorReleaseDto> table = new TableView<>(vm.releases());
        table.setId("releaseHistory");
        HeaderWidths.keepWhole(table);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(170);
        table.setMinHeight(120);
        table.getColumns().addAll(List.of(
                column("sponsors.history.at", 180, r -> format(dateTime, r.releasedAt())),
                column("sponsors.history.course", 260, this::courseTitle),
                column("sponsors.history.by", 160, SponsorReleaseDto::releasedBy),
                column("sponsors.history.rows", 100, r -> Long.toString(r.rowCount()))));
        table.setPlaceholder(new Label(messages.get("sponsors.history.empty")));
        return table;
    }

    private String courseTitle(SponsorReleaseDto release) {
        SponsorReportsViewModel.Selection now = vm.selectionProperty().get();
        if (now != null) {
            for (SponsorSummaryDto.CourseCount c : now.sponsor().courses()) {
                if (c.courseId().equals(release.courseId())) {
                    return c.title();
                }
            }
        }
        return release.courseId();
    }

    private static <T> TableColumn<T, String> column(String key, double width, Function<T, String> value,
                                                     Messages messages) {
        TableColumn<T, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static <T> TableColumn<T, String> atLeast(TableColumn<T, String> column, double width) {
        column.setMinWidth(width);
        return column;
    }

    private <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
        return column(key, width, value, messages);
    }

    private String status(String code) {
        if (code == null) {
            return "";
        }
        String words = messages.get("sponsors.status." + code);
        return words.startsWith("!") ? code : words;
    }

    private String yesNo(boolean value) {
        return messages.get(value ? "learners.yes" : "learners.no");
    }

    private String format(DateTimeFormatter formatter, Instant when) {
        return when == null ? messages.get("detail.never") : formatter.format(when);
    }

    private void confirmRelease() {
        ReleaseIntent intent = vm.prepareRelease();
        if (intent == null) {
            return;
        }
        ButtonType release = new ButtonType(messages.get("sponsors.release.confirm.ok"), ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, vm.confirmationText(intent), ButtonType.CANCEL, release);
        alert.setTitle(messages.get("sponsors.release.confirm.title"));
        alert.setHeaderText(messages.format("sponsors.release.confirm.header", intent.courseTitle(),
                intent.sponsorName()));
        alert.getDialogPane().setId("releaseDialog");
        alert.getDialogPane().setPrefWidth(520);
        alert.getDialogPane().lookupButton(release).setId("confirmRelease");
        // Cancel is the default: Enter alone must not hand data to a third party.
        ((Button) alert.getDialogPane().lookupButton(release)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.resultProperty().addListener((obs, old, result) -> {
            if (result == release) {
                vm.confirmRelease();
            }
        });
        alert.show();
    }

    private void chooseFile(String name, ExportFormat format, Consumer<Path> then) {
        String extension = "." + format.extension();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("sponsors.export.title"));
        chooser.setInitialFileName(name + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                messages.get("sponsors.export.filter." + format.extension()), "*" + extension));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            // Some platforms' dialogs return the name as typed; the format was chosen from the menu.
            Path path = Path.of(file.getPath());
            if (!path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
                path = path.resolveSibling(path.getFileName() + extension);
            }
            then.accept(path);
        }
    }

    private void fillTree() {
        TreeItem<Object> root = tree.getRoot();
        root.getChildren().clear();
        for (SponsorSummaryDto sponsor : vm.sponsors()) {
            TreeItem<Object> item = new TreeItem<>(sponsor);
            item.setExpanded(true);
            sponsor.courses().forEach(c -> item.getChildren().add(new TreeItem<>(c)));
            root.getChildren().add(item);
        }
    }

    private void showHeading() {
        SponsorReportDto report = vm.reportProperty().get();
        if (report == null) {
            return;
        }
        heading.setText(messages.format("sponsors.report.title", report.sponsorName(), report.courseTitle()));
        subheading.setText(messages.format("sponsors.report.subtitle", vm.kind(report.kind()), report.rows().size(),
                report.courseId()));
    }

    private void showBanners() {
        banners.getChildren().clear();
        SponsorReportsViewModel.Notice notice = vm.noticeProperty().get();
        if (notice != null) {
            Message m = new Message(notice.title(), notice.text(),
                    Icons.of(notice.ok() ? AppIcon.CHECK : AppIcon.ERROR));
            m.setId("sponsorNotice");
            m.getStyleClass().add(notice.ok() ? Styles.SUCCESS : Styles.DANGER);
            m.setOnClose(e -> vm.dismissNotice());
            if (notice.canRetry()) {
                Button retry = new Button(messages.get("sponsors.release.retry"));
                retry.setId("retryRelease");
                retry.setOnAction(e -> vm.confirmRelease());
                HBox.setHgrow(m, Priority.ALWAYS);
                HBox row = new HBox(8, m, retry);
                row.setAlignment(Pos.CENTER_LEFT);
                banners.getChildren().add(row);
            } else {
                banners.getChildren().add(m);
            }
        }
        banners.setVisible(notice != null);
        banners.setManaged(notice != null);
    }

    private void showListState() {
        SponsorReportsViewModel.State now = vm.stateProperty().get();
        listState.setVisible(now != SponsorReportsViewModel.State.READY);
        tree.setVisible(now == SponsorReportsViewModel.State.READY);
        switch (now) {
            case LOADING -> listState.loading(messages.get("sponsors.loading"));
            case EMPTY -> listState.message(AppIcon.SPONSORS, messages.get("sponsors.empty.title"),
                    messages.get("sponsors.empty.text"));
            case ERROR -> listState.error(messages.get("sponsors.error.title"), vm.errorProperty().get(),
                    messages.get("learners.retry"), vm::load);
            case READY -> { }
        }
    }

    private void showReportState() {
        SponsorReportsViewModel.ReportState now = vm.reportStateProperty().get();
        reportState.setVisible(now != SponsorReportsViewModel.ReportState.READY);
        reportBody.setVisible(now == SponsorReportsViewModel.ReportState.READY);
        switch (now) {
            case NONE -> reportState.message(AppIcon.SPONSORS, messages.get("sponsors.pick.title"),
                    messages.get("sponsors.pick.text"));
            case LOADING -> reportState.loading(messages.get("sponsors.report.loading"));
            case ERROR -> reportState.error(messages.get("sponsors.report.error"), vm.reportErrorProperty().get(),
                    messages.get("learners.retry"), vm::loadReport);
            case READY -> { }
        }
    }

    @Override
    public void close() {
        vm.dispose();
    }

    /** A sponsor (name and kind) or one of its courses (title and how many sponsored learners). */
    private final class SponsorCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (item instanceof SponsorSummaryDto sponsor) {
                Label name = new Label(sponsor.name());
                name.getStyleClass().add(Css.COURSE_CELL_TITLE);
                Label kind = new Label(vm.kind(sponsor.kind()));
                kind.getStyleClass().add(Css.COURSE_CELL_KEY);
                setText(null);
                setGraphic(new HBox(8, Icons.of(AppIcon.SPONSOR), new VBox(1, name, kind)));
            } else if (item instanceof SponsorSummaryDto.CourseCount course
                    && getTreeItem().getParent().getValue() instanceof SponsorSummaryDto sponsor) {
                Label title = new Label(course.title());
                Label count = new Label(messages.format("sponsors.course.learners", course.learners()));
                count.getStyleClass().add(Css.COURSE_CELL_KEY);
                setText(null);
                setGraphic(new VBox(1, title, count, releaseLine(vm.marks().of(sponsor.sponsorId(), course))));
            }
        }

        /**
         * "Released 7 Dec 2026" (and "changed since" when the report no longer reads as released), or "Not released".
         */
        private Label releaseLine(ReleaseMarks.Mark mark) {
            Label line;
            if (!mark.released()) {
                line = new Label(messages.get("sponsors.course.notReleased"));
            } else {
                String at = format(date, mark.at());
                line = new Label(messages.format(mark.changed() ? "sponsors.course.changed"
                        : "sponsors.course.released",
                        at), Icons.of(mark.changed() ? AppIcon.WARNING : AppIcon.CHECK));
                line.setTooltip(new Tooltip(messages.format(mark.changed() ? "sponsors.course.changed.tooltip"
                        : "sponsors.course.released.tooltip", at)));
            }
            line.getStyleClass().addAll(Css.COURSE_CELL_KEY, mark.changed() ? Styles.WARNING : Styles.TEXT_MUTED);
            line.setId("releaseMark");
            return line;
        }
    }
}
