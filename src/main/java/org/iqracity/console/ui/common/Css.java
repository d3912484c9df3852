package org.iqracity.console.ui.common;

/** Style-class names of the application stylesheet ({@code console.css}); views use these, never literals. */
public final class Css {
    public static final String STYLESHEET = "/org/iqracity/console/ui/console.css";

    public static final String SIGN_IN = "sign-in";
    public static final String BRAND_PANEL = "brand-panel";
    public static final String BRAND_TITLE = "brand-title";
    public static final String BRAND_TEXT = "brand-text";
    public static final String FORM_CARD = "form-card";
    public static final String FIELD_LABEL = "field-label";
    public static final String SANDBOX_STATUS = "sandbox-status";
    public static final String NOTE = "note";

    public static final String HEADER = "app-header";
    public static final String HEADER_TITLE = "app-header-title";
    public static final String PERSON = "person";
    public static final String PERSON_NAME = "person-name";
    public static final String PERSON_DETAIL = "person-detail";
    public static final String NAV = "nav";
    public static final String NAV_ITEM = "nav-item";
    public static final String NAV_SHORTCUT = "nav-shortcut";
    public static final String CONTENT = "content";
    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ONLINE = "status-online";
    public static final String STATUS_OFFLINE = "status-offline";
    public static final String JOB = "job";
    /** The dimmed window behind the shortcut sheet, and a key chord in it. */
    public static final String SHEET_SCRIM = "sheet-scrim";
    public static final String KEY_CHORD = "key-chord";

    public static final String STATE_PANE = "state-pane";
    public static final String STATE_ICON = "state-icon";
    public static final String STATE_TITLE = "state-title";
    public static final String STATE_TEXT = "state-text";
    public static final String PLACEHOLDER = "placeholder";

    public static final String TOOLBAR = "learners-toolbar";
    public static final String FILTER_BAR = "filter-bar";
    public static final String TOTAL = "total";
    public static final String COURSE_CELL_TITLE = "course-cell-title";
    public static final String COURSE_CELL_KEY = "course-cell-key";
    /** A line under a check box's text, aligned with that text. */
    public static final String UNDER_CHECK_BOX = "under-check-box";
    /** A table whose column headers wrap their words rather than cut them. */
    public static final String WRAPPING_HEADERS = "wrapping-headers";
    /** Pseudo-classes of learner table rows (a state change re-matches styles; a style class change redoes CSS). */
    public static final String ROW_RETIRED = "retired";
    public static final String ROW_MORE = "more";
    /** The learners screen's filters: controls, then chips of the active ones. */
    public static final String FILTER_AREA = "filter-area";
    public static final String CHIPS_ROW = "chips-row";
    public static final String FILTER_CHIP = "filter-chip";
    /** A filter value the platform refused, said beside the chips. */
    public static final String REFUSED = "refused";
    /** A button that opens a list to pick from (countries), drawn like a combo box. */
    public static final String PICKER_BUTTON = "picker-button";
    /** A popup's card: the theme's background, a border and a shadow. */
    public static final String POPUP_CARD = "popup-card";
    /** The usernames kept in view over the learners table's left edge while it scrolls sideways. */
    public static final String FROZEN_STRIP = "frozen-strip";
    public static final String FROZEN_CELL = "frozen-cell";
    public static final String FROZEN_HEADER = "frozen-header";
    /** The words of a "loading" row, which may run past their cell. */
    public static final String ROW_MORE_LABEL = "row-more-label";
    public static final String LEARNER_TABLE = "learner-table";
    /** The learners' column chooser, in a PopOver. */
    public static final String COLUMN_CHOOSER = "column-chooser";
    /** A table that lists a slice of its rows and hides its own vertical scroll bar for one standing for them all. */
    public static final String WINDOWED_TABLE = "windowed-table";

    public static final String DETAIL = "detail";
    public static final String DETAIL_HEADER = "detail-header";
    public static final String DETAIL_NAME = "detail-name";
    public static final String SECTION = "detail-section";
    public static final String SECTION_TITLE = "section-title";
    public static final String KEY = "kv-key";
    public static final String VALUE = "kv-value";
    public static final String VISIBLE_TO_PEERS = "visible-to-peers";
    public static final String STAFF_ONLY = "staff-only";
    public static final String BADGE = "badge";
    public static final String BADGE_RETIRED = "badge-retired";
    public static final String BADGE_SUCCESS = "badge-success";
    public static final String BADGE_MUTED = "badge-muted";
    public static final String BADGE_ATTENTION = "badge-attention";
    public static final String LOGGED_NOTE = "logged-note";
    public static final String DIALOG = "dialog-card";

    public static final String EXPORTS = "exports";
    public static final String EXPORTS_FOOTER = "exports-footer";
    public static final String SEGMENTED = "segmented";
    public static final String OFFLINE = "offline-roster";
    public static final String OFFLINE_TOP = "offline-top";
    public static final String TRACKING = "tracking";
    public static final String TRACKING_COURSES = "tracking-courses";
    public static final String TRACKING_HEADER = "tracking-header";
    public static final String PAGE_TITLE = "page-title";
    public static final String PAGE_SUBTITLE = "page-subtitle";
    public static final String SECTION_CARD = "section-card";
    public static final String SECTION_CARD_TITLE = "section-card-title";
    public static final String HINT = "hint-text";
    public static final String FIELD_ERROR = "field-error";
    public static final String PREVIEW_APPLIED = "preview-applied";
    public static final String PREVIEW_WITHHELD = "preview-withheld";
    public static final String PREVIEW_ROW = "preview-row";
    public static final String CHANGE_LINE = "change-line";
    public static final String NECESSITY_WARNING = "necessity-warning";
    public static final String NECESSITY_FLAG = "necessity-flag";
    public static final String COLUMN_TITLE = "column-title";
    public static final String SCREEN_TITLE = "screen-title";
    public static final String BANNERS = "banners";
    public static final String OUTCOME_FAILED = "outcome-failed";
    public static final String QUIET_NOTE = "quiet-note";
    public static final String SPONSOR_TREE = "sponsor-tree";
    public static final String REPORT_PANE = "report-pane";

    public static final String BREACH = "breach";
    public static final String BREACH_LIST = "breach-list";
    public static final String BREACH_CELL_TITLE = "breach-cell-title";
    public static final String BREACH_CELL_META = "breach-cell-meta";
    public static final String BREACH_HEADER = "breach-header";
    public static final String CLOCK = "breach-clock";
    public static final String CLOCK_URGENT = "breach-clock-urgent";
    public static final String CLOCK_STOPPED = "breach-clock-stopped";
    public static final String STATE_BADGE = "breach-state";
    public static final String STEPS = "breach-steps";
    public static final String STEP = "breach-step";
    public static final String STEP_CURRENT = "breach-step-current";
    public static final String STEP_BODY = "breach-step-body";
    public static final String FLOW_FOOTER = "breach-footer";
    public static final String COUNTS = "breach-counts";
    public static final String COUNT_VALUE = "breach-count-value";
    public static final String COUNT_LABEL = "breach-count-label";
    public static final String COUNT_FLAG = "breach-count-flag";
    public static final String FINGERPRINT = "breach-fingerprint";
    public static final String NOTICE_TEXT = "breach-notice-text";
    public static final String PROGRESS_CHIP = "breach-progress-chip";

    public static final String INSIGHTS = "insights";
    public static final String INSIGHT_CARD = "insight-card";
    public static final String INSIGHT_CARD_TITLE = "insight-card-title";
    public static final String INSIGHT_HINT = "insight-hint";
    public static final String INSIGHT_NOTE = "insight-note";
    public static final String INSIGHT_SUPPRESSED = "insight-suppressed";
    public static final String INSIGHT_LEGEND = "insight-legend";
    public static final String INSIGHT_SWATCH = "insight-swatch";
    /** Followed by the series' index: one colour of the theme's chart palette for every piece of a broken line. */
    public static final String INSIGHT_COLOR = "insight-color-";

    private Css() {
    }
}
