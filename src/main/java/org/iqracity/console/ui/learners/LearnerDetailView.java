package org.iqracity.console.ui.learners;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.iqracity.console.api.EnrollmentDto;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.PerformanceDto;
import org.iqracity.console.api.ProfileDto;
import org.iqracity.console.api.ProfileFieldDto;
import org.iqracity.console.api.SponsorshipDto;
import org.iqracity.console.ui.common.AppIcon;
import org.iqracity.console.ui.common.Css;
import org.iqracity.console.ui.common.Icons;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.StatePane;

/** The detail pane: shared profile (each field marked for R10), enrollment, performance, sponsor. */
final class LearnerDetailView extends StackPane {

    private final LearnerDetailViewModel vm;
    private final Messages messages;
    private final NumberFormat percent;
    private final DateTimeFormatter date;
    private final StatePane state = StatePane.small();
    private final ScrollPane scroll = new ScrollPane();

    LearnerDetailView(LearnerDetailViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        this.percent = NumberFormat.getPercentInstance(messages.locale());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        setId("learnerDetail");
        getStyleClass().add(Css.DETAIL);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        getChildren().addAll(scroll, state);
        vm.stateProperty().addListener((obs, old, now) -> render());
        vm.detailProperty().addListener((obs, old, now) -> render());
        render();
    }

    private void render() {
        LearnerDetailViewModel.State now = vm.stateProperty().get();
        boolean ready = now == LearnerDetailViewModel.State.READY && vm.detailProperty().get() != null;
        scroll.setVisible(ready);
        state.setVisible(!ready);
        switch (now) {
            case NONE -> state.message(AppIcon.EMPTY, messages.get("detail.none.title"),
                    messages.get("detail.none.text"));
            case WAITING, LOADING -> state.loading(messages.get("detail.loading"));
            case ERROR -> state.error(messages.get("detail.loading"), vm.errorProperty().get(),
                    messages.get("learners.retry"), vm::retry);
            case READY -> {
                if (ready) {
                    scroll.setContent(content(vm.rowProperty().get(), vm.detailProperty().get()));
                }
            }
        }
    }

    private Node content(LearnerRowDto row, LearnerDetailDto detail) {
        VBox box = new VBox();
        box.getChildren().add(header(row, detail.profile()));
        box.getChildren().add(profile(detail.profile()));
        box.getChildren().add(enrollment(detail.enrollment()));
        box.getChildren().add(performance(detail.performance()));
        if (detail.sponsorship() != null) {
            box.getChildren().add(sponsor(detail.sponsorship()));
        }
        Label logged = new Label(messages.get("detail.logged"), Icons.of(AppIcon.INFO));
        logged.setId("loggedNote");
        logged.setWrapText(true);
        logged.getStyleClass().add(Css.LOGGED_NOTE);
        box.getChildren().add(logged);
        return box;
    }

    private Node header(LearnerRowDto row, ProfileDto profile) {
        String name = profile.fields().stream().filter(f -> f.key().equals("name")).map(ProfileFieldDto::value)
                .findFirst().orElse(row == null || row.name() == null ? profile.username() : row.name());
        Label title = new Label(profile.retired() ? messages.get("learners.retired") : name);
        title.setId("detailName");
        title.getStyleClass().add(Css.DETAIL_NAME);
        if (profile.retired()) {
            title.setGraphic(Icons.of(AppIcon.RETIRED, 20));
        }
        Label usernameText = new Label(profile.username());
        usernameText.setId("detailUsername");
        usernameText.getStyleClass().add(Css.KEY);
        HBox username = new HBox(2, usernameText,
                copyButton(profile.username(), "copyDetailUsername", "learners.copy.username"));
        username.setAlignment(Pos.CENTER_LEFT);
        FlowPane badges = new FlowPane(6, 6);
        if (profile.retired()) {
            badges.getChildren().add(badge(messages.get("learners.retired"), Css.BADGE_RETIRED));
        } else {
            badges.getChildren().add(badge(messages
                    .get(profile.idVerified() ? "detail.idVerified" : "detail.idNotVerified"),
                    profile.idVerified() ? Css.BADGE_SUCCESS : Css.BADGE_MUTED));
            if (profile.profileVisibility() != null) {
                badges.getChildren().add(badge(messages.format("detail.profileVisibility", profile.profileVisibility()),
                        Css.BADGE_MUTED));
            }
        }
        VBox header = new VBox(title, username, badges);
        header.getStyleClass().add(Css.DETAIL_HEADER);
        return header;
    }

    private Node profile(ProfileDto profile) {
        VBox section = section("detail.profile");
        if (profile.retired()) {
            Label text = new Label(messages.get("detail.retired.text"));
            text.setWrapText(true);
            text.getStyleClass().add(Css.KEY);
            section.getChildren().add(text);
            return section;
        }
        GridPane grid = grid();
        int row = 0;
        for (ProfileFieldDto field : profile.fields()) {
            Label key = key(humanize(field.key()));
            Label value = value(field.value());
            boolean peers = field.visibleToOtherLearners();
            Label mark = new Label(null, Icons.of(peers ? AppIcon.EYE : AppIcon.EYE_OFF));
            mark.getStyleClass().add(peers ? Css.VISIBLE_TO_PEERS : Css.STAFF_ONLY);
            String meaning = messages.get(peers ? "detail.visible" : "detail.hidden");
            mark.setTooltip(new Tooltip(meaning));
            mark.setAccessibleText(meaning);
            mark.setId("visibility-" + field.key());
            mark.setUserData(peers);
            grid.addRow(row++, key, value, mark);
        }
        section.getChildren().addAll(grid, legend());
        return section;
    }

    /** R10 in words, so nobody has to hover to learn what the eye means. */
    private Node legend() {
        Label peers = new Label(messages.get("detail.visible"), Icons.of(AppIcon.EYE));
        peers.getStyleClass().addAll(Css.VISIBLE_TO_PEERS, Css.NOTE);
        Label staff = new Label(messages.get("detail.hidden"), Icons.of(AppIcon.EYE_OFF));
        staff.getStyleClass().addAll(Css.STAFF_ONLY, Css.NOTE);
        FlowPane legend = new FlowPane(16, 4, peers, staff);
        legend.setId("visibilityLegend");
        return legend;
    }

    private Node enrollment(EnrollmentDto enrollment) {
        VBox section = section("detail.enrollment");
        GridPane grid = grid();
        int row = 0;
        grid.addRow(row++, key(messages.get("detail.mode")), value(enrollment.mode() == null ? ""
                : enrollment.mode().name().charAt(0)
                        + enrollment.mode().name().substring(1).toLowerCase(messages.locale())));
        grid.addRow(row++, key(messages.get("detail.enrolledAt")), value(format(enrollment.enrolledAt())));
        if (enrollment.unenrolledAt() != null) {
            grid.addRow(row++, key(messages.get("detail.unenrolledAt")), value(format(enrollment.unenrolledAt())));
        }
        grid.addRow(row++, key(messages.get("detail.status")),
                value(messages.get(enrollment.active() ? "detail.active" : "detail.inactive")));
        if (enrollment.email() != null) {
            grid.addRow(row, key(messages.get("detail.email")), value(enrollment.email()),
                    copyButton(enrollment.email(), "copyDetailEmail", "learners.copy.email"));
        }
        section.getChildren().add(grid);
        return section;
    }

    private Node performance(PerformanceDto performance) {
        VBox section = section("detail.performance");
        FlowPane badges = new FlowPane(6, 6,
                badge(messages.get("detail.grade") + " " + percent.format(performance.grade()), Css.BADGE),
                badge(messages.get("detail.progress") + " " + percent.format(performance.progress()), Css.BADGE),
                badge(messages.get("detail.passed") + ": " + yesNo(performance.passed()),
                        performance.passed() ? Css.BADGE_SUCCESS : Css.BADGE_MUTED),
                badge(messages.get("detail.certificate") + ": " + yesNo(performance.certificate()),
                        performance.certificate() ? Css.BADGE_SUCCESS : Css.BADGE_MUTED));
        section.getChildren().add(badges);
        if (!performance.breakdown().isEmpty()) {
            section.getChildren().add(breakdown(performance));
        }
        PerformanceDto.ActivityDto activity = performance.activity();
        if (activity != null) {
            Label title = new Label(messages.get("detail.activity"));
            title.getStyleClass().add(Css.SECTION_TITLE);
            GridPane grid = grid();
            grid.addRow(0, key(messages.get("detail.lastActivity")), value(format(activity.lastActivityAt())));
            grid.addRow(1, key(messages.get("detail.activeDays")), value(String.valueOf(activity.activeDays())));
            grid.addRow(2, key(messages.get("detail.videos")), value(String.valueOf(activity.videosWatched())));
            grid.addRow(3, key(messages.get("detail.problems")), value(String.valueOf(activity.problemsAttempted())));
            grid.addRow(4, key(messages.get("detail.posts")), value(String.valueOf(activity.forumPosts())));
            section.getChildren().addAll(title, grid);
        }
        return section;
    }

    private Node breakdown(PerformanceDto performance) {
        // Bars across, the assignment types down the side: their names read level however narrow the detail is (a
        // narrow chart with the types along the bottom turned them on end and cut them).
        CategoryAxis types = new CategoryAxis();
        NumberAxis score = new NumberAxis(0, 100, 25);
        score.setLabel(messages.get("detail.breakdown.score") + " (%)");
        BarChart<Number, String> chart = new BarChart<>(score, types);
        chart.setId("gradeBreakdown");
        chart.setTitle(messages.get("detail.breakdown"));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(90 + 46.0 * performance.breakdown().size());
        chart.setMinHeight(Region.USE_PREF_SIZE);
        chart.setCategoryGap(10);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // Added last to first: a vertical category axis draws its first category at the bottom.
        for (PerformanceDto.GradeBreakdownDto part : performance.breakdown().reversed()) {
            String label = part.assignmentType() + "\n" + messages.format("detail.breakdown.weight", part.weight());
            series.getData().add(new XYChart.Data<>(Math.round(part.score() * 1000) / 10.0, label));
        }
        chart.getData().add(series);
        // Read out as words: each assignment type with its score.
        chart.setAccessibleText(messages.get("detail.breakdown") + ": " + performance.breakdown().stream()
                .map(p -> messages.format("detail.breakdown.spoken", p.assignmentType(), p.score()))
                .collect(Collectors.joining(", ")));
        return chart;
    }

    private Node sponsor(SponsorshipDto sponsorship) {
        VBox section = section("detail.sponsor");
        GridPane grid = grid();
        Label name = value(sponsorship.sponsorName());
        name.setGraphic(Icons.of(AppIcon.SPONSOR));
        grid.addRow(0, key(messages.get("detail.sponsor")), name);
        grid.addRow(1, key(""), value(messages.get("detail.sponsor.kind." + sponsorship.kind())));
        section.getChildren().add(grid);
        return section;
    }

    private VBox section(String titleKey) {
        Label title = new Label(messages.get(titleKey).toUpperCase(messages.locale()));
        title.getStyleClass().add(Css.SECTION_TITLE);
        VBox section = new VBox(title);
        section.getStyleClass().add(Css.SECTION);
        return section;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        // Keys line up at 130 px, and a longer one ("Email for this course") widens its column rather than being
        // cut: the key column's least width is its longest key's (see key()), and what gives way is the value.
        ColumnConstraints keys = new ColumnConstraints();
        keys.setPrefWidth(130);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(keys, values);
        return grid;
    }

    private static Label key(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Css.KEY);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label value(String text) {
        Label label = new Label(text == null ? "" : text);
        label.getStyleClass().add(Css.VALUE);
        // Sentences wrap; single tokens such as an email address are cut with an ellipsis instead of mid-word.
        label.setWrapText(label.getText().contains(" "));
        label.setTooltip(label.getText().isEmpty() ? null : new Tooltip(label.getText()));
        return label;
    }

    /** A small button that puts {@code text} (a username, an email) on the clipboard. */
    private Button copyButton(String text, String id, String tooltipKey) {
        Button copy = new Button(null, Icons.of(AppIcon.COPY));
        copy.setId(id);
        copy.getStyleClass().addAll(atlantafx.base.theme.Styles.BUTTON_ICON, atlantafx.base.theme.Styles.FLAT,
                atlantafx.base.theme.Styles.SMALL);
        copy.setTooltip(new Tooltip(messages.get(tooltipKey)));
        copy.setAccessibleText(messages.get(tooltipKey));
        copy.setFocusTraversable(false);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        });
        return copy;
    }

    private static Label badge(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Css.BADGE, style);
        return label;
    }

    private String yesNo(boolean value) {
        return messages.get(value ? "learners.yes" : "learners.no");
    }

    private String format(Instant when) {
        return when == null ? messages.get("detail.never") : date.format(when);
    }

    /** Profile keys are stable identifiers such as {@code yearOfBirth}; show them as words. */
    static String humanize(String key) {
        String spaced = key.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ');
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1).toLowerCase();
    }
}
