package org.iqracity.console.ui.learners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.client.SessionExpiredException;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.learners.LearnerFilters.Choice;
import org.iqracity.console.ui.learners.LearnersViewModel.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LearnersViewModelTest {

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private LearnersViewModel vm;

    @BeforeEach
    void setUp() {
        app.signedIn(new Session(platform, platform.me("nb-ta")));
        vm = new LearnersViewModel(app, platform.courses(), platform.learners(), tasks, Messages.english(),
                Duration.ofMillis(200));
    }

    private LearnerQuery lastQuery() {
        return platform.learnerQueries.getLast();
    }

    @Test
    void loadOpensTheFirstCourseWithOnePageAndTheTotal() {
        vm.load();

        assertThat(vm.courseProperty().get().id()).isEqualTo("course-v1:NB+CS101+2026");
        assertThat(platform.learnerQueries).hasSize(1);
        assertThat(lastQuery().limit()).isEqualTo(50);
        assertThat(vm.totalProperty().get()).isEqualTo(120);
        assertThat(vm.pages().loaded()).isEqualTo(50);
        // As long as the total, the rows not fetched yet standing as "loading" rows.
        assertThat(vm.rows()).hasSize(120);
        assertThat(vm.rows().get(49).isMore()).isFalse();
        assertThat(vm.rows().get(50).isMore()).isTrue();
        assertThat(vm.rows().getLast().isMore()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
    }

    @Test
    void scrollingNearTheEndFetchesTheNextPageByCursor() {
        vm.load();

        vm.rowShown(10);
        assertThat(platform.learnerQueries).hasSize(1);
        vm.rowShown(40);

        assertThat(platform.learnerQueries).hasSize(2);
        assertThat(lastQuery().cursor()).isEqualTo("50");
        assertThat(lastQuery().limit()).isEqualTo(LearnerPages.MORE_LIMIT);
        assertThat(vm.pages().loaded()).isEqualTo(120);
        assertThat(vm.rows()).noneMatch(LearnerRow::isMore);
        vm.rowShown(119);
        assertThat(platform.learnerQueries).hasSize(2);
    }

    /** The platform answers pages of a course of {@code size} learners, the cursor being the next row's number. */
    private void servesCourseOf(int size) {
        platform.learnerPages = q -> {
            int from = q.at() != null ? q.at() : q.cursor() == null ? 0 : Integer.parseInt(q.cursor());
            int to = Math.min(size, from + q.limit());
            return new Page<>(IntStream.range(from, to).mapToObj(FakePlatformClient::row).toList(),
                    to < size ? String.valueOf(to) : null, size);
        };
    }

    @Test
    void scrollingThroughALargeCourseHoldsOnlyTheLastPagesAndFetchesGivenUpPagesAgainByCursor() {
        int size = 30_000;
        servesCourseOf(size);
        vm.load();
        assertThat(vm.rows()).hasSize(size);

        // Scrolling down row by row, as a person reads: the next page comes when the last fetched row shows.
        while (vm.rows().getLast().isMore()) {
            vm.rowShown(vm.pages().loaded() - 1);
        }

        assertThat(vm.pages().loaded()).isEqualTo(size);
        assertThat(vm.rows()).hasSize(size);
        assertThat(vm.pages().resident()).isLessThanOrEqualTo(LearnerPages.MAX_RESIDENT_ROWS);
        assertThat(vm.rows().get(size - 1).learner()).isEqualTo(FakePlatformClient.row(size - 1));
        assertThat(vm.rows().get(100).isMore()).isTrue();
        int asked = platform.learnerQueries.size();

        vm.rowShown(100);

        assertThat(platform.learnerQueries).hasSize(asked + 1);
        assertThat(lastQuery().cursor()).isEqualTo("50");
        assertThat(lastQuery().limit()).isEqualTo(LearnerPages.MORE_LIMIT);
        assertThat(vm.rows().get(100).learner()).isEqualTo(FakePlatformClient.row(100));
        assertThat(vm.rows().get(0).isMore()).isTrue();
        vm.rowShown(0);
        // At its position, with a cursor of the list: the platform logs no new opening of the list.
        assertThat(lastQuery().at()).isZero();
        assertThat(lastQuery().cursor()).isEqualTo("50");
        assertThat(lastQuery().limit()).isEqualTo(50);
        assertThat(vm.rows().get(0).learner()).isEqualTo(FakePlatformClient.row(0));
        assertThat(vm.rows()).hasSize(size);
        assertThat(vm.pages().resident()).isLessThanOrEqualTo(LearnerPages.MAX_RESIDENT_ROWS);
    }

    @Test
    void typingWaitsForAPauseAndSendsOneSearch() {
        vm.load();

        vm.searchProperty().set("a");
        vm.searchProperty().set("am");
        vm.searchProperty().set("amina@");
        assertThat(platform.learnerQueries).hasSize(1);
        assertThat(tasks.pendingScheduled()).isEqualTo(1);

        tasks.runScheduled();

        assertThat(platform.learnerQueries).hasSize(2);
        assertThat(lastQuery().q()).isEqualTo("amina@");
        assertThat(lastQuery().cursor()).isNull();
    }

    @Test
    void clickingAColumnReQueriesWithTheServerSort() {
        vm.load();

        vm.sortBy(LearnerSort.PROGRESS, true);

        assertThat(lastQuery().sort()).isEqualTo(LearnerSort.PROGRESS);
        assertThat(lastQuery().descending()).isTrue();
    }

    @Test
    void filtersBecomeQueryParameters() {
        vm.load();

        vm.filters().modeProperty().set(EnrollmentMode.VERIFIED);
        vm.filters().activeProperty().set(Choice.NO);
        vm.filters().passedProperty().set(Choice.YES);
        vm.filters().countries().setAll("KE", "DE");
        vm.filters().minProgressProperty().set(25);
        vm.filters().maxProgressProperty().set(75);
        tasks.runScheduled();

        LearnerQuery q = lastQuery();
        assertThat(q.mode()).isEqualTo(EnrollmentMode.VERIFIED);
        assertThat(q.active()).isFalse();
        assertThat(q.passed()).isTrue();
        assertThat(q.countries()).containsExactly("KE", "DE");
        assertThat(q.minProgress()).isEqualTo(0.25);
        assertThat(q.maxProgress()).isEqualTo(0.75);
        assertThat(vm.filtered()).isTrue();

        vm.clearFilters();
        tasks.runScheduled();
        assertThat(lastQuery().mode()).isNull();
        assertThat(lastQuery().minProgress()).isNull();
        assertThat(vm.filtered()).isFalse();
    }

    @Test
    void noMatchesIsItsOwnState() {
        vm.load();
        platform.learnerPages = q -> new Page<>(List.of(), null, 0);

        vm.searchProperty().set("zzz");
        tasks.runScheduled();

        assertThat(vm.stateProperty().get()).isEqualTo(State.EMPTY);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.totalProperty().get()).isZero();
    }

    @Test
    void lostPlatformShowsTheErrorAndReloadsWhenItIsBack() {
        vm.load();
        platform.failNext = new PlatformUnreachableException("down", null);

        vm.searchProperty().set("x");
        tasks.runScheduled();

        assertThat(vm.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(vm.errorProperty().get().text()).isEqualTo("The platform cannot be reached.");
        assertThat(app.connectionProperty().get()).isEqualTo(ConnectionState.OFFLINE);

        app.reachable();

        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(lastQuery().q()).isEqualTo("x");
    }

    @Test
    void endedSessionAsksToSignInAgainAndRetriesAfterwards() {
        vm.load();
        platform.failNext = new SessionExpiredException("ended", null);

        vm.sortBy(LearnerSort.NAME, false);

        assertThat(app.signInAgainNeededProperty().get()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(State.ERROR);

        app.signedInAgain();

        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(lastQuery().sort()).isEqualTo(LearnerSort.NAME);
    }

    @Test
    void aJumpFarAheadFetchesThePageOnScreenAtItsPositionWithoutThePagesBefore() {
        int size = 30_000;
        servesCourseOf(size);
        vm.load();

        // Told once: the rows on screen stay "loading" markers until their page comes, so nothing draws them again
        // to ask a second time (the chain of loads stalled there).
        vm.rowsShown(20_000, 20_030);

        assertThat(vm.rows().get(20_000).learner()).isEqualTo(FakePlatformClient.row(20_000));
        assertThat(vm.rows().get(20_030).learner()).isEqualTo(FakePlatformClient.row(20_030));
        List<LearnerQuery> after = platform.learnerQueries.subList(1, platform.learnerQueries.size());
        // The page holding the rows on screen, on the grid pages fetched in order would lie on (50, then 500 each),
        // and the one after it by that page's cursor, as the rows on screen near its end.
        assertThat(after).extracting(LearnerQuery::at).containsExactly(19_550, null);
        assertThat(after).extracting(LearnerQuery::cursor).as("the first continues the list opened")
                .containsExactly("50", "20050");
        assertThat(after).allSatisfy(q -> assertThat(q.limit()).isEqualTo(LearnerPages.MORE_LIMIT));
        assertThat(vm.rows()).hasSize(size);
        assertThat(vm.rows().get(19_549).isMore()).isTrue();
        assertThat(vm.rows().get(20_600).isMore()).isTrue();
        assertThat(vm.pages().loaded()).isEqualTo(50 + 1_000);
    }

    @Test
    void scrollingOnFromAPageReachedByAJumpFetchesTheNextByCursorAndBackUpAtThePositionBefore() {
        int size = 30_000;
        servesCourseOf(size);
        vm.load();
        vm.rowsShown(20_000, 20_030);
        int asked = platform.learnerQueries.size();

        vm.rowsShown(20_540, 20_570);
        assertThat(platform.learnerQueries).hasSize(asked + 1);
        assertThat(lastQuery().at()).isNull();
        assertThat(lastQuery().cursor()).as("the cursor after 20,550").isEqualTo("20550");

        vm.rowsShown(19_500, 19_530);
        assertThat(lastQuery().at()).isEqualTo(19_050);
        assertThat(vm.rows().subList(19_500, 19_531)).noneMatch(LearnerRow::isMore);
    }

    @Test
    void aJumpToTheEndFillsTheLastRowsAndTheFirstRowsStayWithoutAskingAgain() {
        int size = 30_000;
        servesCourseOf(size);
        vm.load();

        vm.rowsShown(size - 20, size - 1);
        assertThat(vm.rows().subList(size - 20, size)).noneMatch(LearnerRow::isMore);
        assertThat(platform.learnerQueries).hasSize(2);
        int asked = platform.learnerQueries.size();

        vm.rowsShown(0, 19);

        assertThat(platform.learnerQueries).hasSize(asked);
        assertThat(vm.rows().get(0).learner()).isEqualTo(FakePlatformClient.row(0));
    }

    @Test
    void draggingTheBarThroughACourseAsksForAFewPagesAtATimeNotForEveryPlacePassed() {
        int size = 500_000;
        servesCourseOf(size);
        vm.load();
        // The answers wait: the bar moves on while the first pages are on their way.
        tasks.holdResults();
        for (int row = 0; row < size; row += 5_000) {
            vm.rowsShown(row, row + 30);
        }
        assertThat(platform.learnerQueries).hasSize(1 + LearnerPages.MAX_IN_FLIGHT);
        tasks.releaseResults();

        assertThat(vm.rows().subList(size - 5_000, size - 5_000 + 31)).noneMatch(LearnerRow::isMore);
        assertThat(platform.learnerQueries.size()).isLessThanOrEqualTo(1 + 2 * LearnerPages.MAX_IN_FLIGHT + 2);
    }

    @Test
    void aPageThatFailsToComeBackIsSaidAndFetchedOnRetry() {
        int size = 30_000;
        servesCourseOf(size);
        vm.load();
        vm.rowsShown(size - 20, size - 1);
        platform.failNext = new PlatformUnreachableException("down", null);

        vm.rowsShown(10_000, 10_019);
        assertThat(vm.rows().get(10_000).isMore()).isTrue();
        assertThat(vm.pages().moreFailedProperty().get()).isTrue();
        vm.rowsShown(10_001, 10_020);
        assertThat(vm.rows().get(10_000).isMore()).as("no retry behind the person's back").isTrue();

        vm.retryMore();

        assertThat(vm.rows().get(10_000).learner()).isEqualTo(FakePlatformClient.row(10_000));
        assertThat(vm.pages().moreFailedProperty().get()).isFalse();
    }

    @Test
    void aNewQueryFetchesAsManyRowsAsTheScreenShowsFromItsTop() {
        int size = 30_000;
        servesCourseOf(size);
        vm.load();
        vm.rowsShown(5_000, 5_060);

        vm.searchProperty().set("learner");
        tasks.runScheduled();

        // The first page has 50 rows; 61 are on screen, so the next page follows without the table asking.
        assertThat(lastQuery().q()).isEqualTo("learner");
        assertThat(lastQuery().cursor()).isEqualTo("50");
        assertThat(vm.rows().subList(0, 61)).noneMatch(LearnerRow::isMore);
    }

    @Test
    void failedNextPageOffersRetryWithoutLosingLoadedRows() {
        vm.load();
        platform.failNext = new PlatformUnreachableException("down", null);

        vm.rowShown(45);

        assertThat(vm.pages().loaded()).isEqualTo(50);
        assertThat(vm.pages().moreFailedProperty().get()).isTrue();
        vm.rowShown(46);
        assertThat(platform.learnerQueries).hasSize(2);

        vm.retryMore();
        assertThat(vm.pages().loaded()).isEqualTo(120);
    }

    @Test
    void switchingCourseStartsOverWithTheNewCourse() {
        vm.load();
        vm.rowShown(45);

        vm.courseProperty().set(vm.courses().get(1));

        assertThat(lastQuery().cursor()).isNull();
        assertThat(vm.pages().loaded()).isEqualTo(50);
    }

    @Test
    void arrowingPastFortyLearnersFetchesAndSoLogsOnlyTheOneTheSelectionRestsOn() {
        vm.load();

        for (int i = 0; i < 40; i++) {
            vm.select(i);
        }
        assertThat(platform.learnerViews).isEmpty();
        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.WAITING);
        assertThat(vm.detail().rowProperty().get()).isEqualTo(FakePlatformClient.row(39));

        tasks.runScheduled();

        assertThat(platform.learnerViews).containsExactly("id-39");
        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.READY);
    }

    @Test
    void enterOpensTheSelectedLearnerAtOnceAndTheRestDoesNotOpenItAgain() {
        vm.load();
        vm.select(3);

        vm.openSelected();
        assertThat(platform.learnerViews).containsExactly("id-3");
        tasks.runScheduled();

        assertThat(platform.learnerViews).containsExactly("id-3");
    }

    @Test
    void comingBackToTheLearnerShownKeepsItsDetailWithoutAskingAgain() {
        vm.load();
        vm.select(3);
        tasks.runScheduled();

        vm.select(4);
        vm.select(3);
        tasks.runScheduled();

        assertThat(platform.learnerViews).containsExactly("id-3");
        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.READY);
    }

    @Test
    void aSelectedRowStillLoadingOpensWhenItsPageComes() {
        servesCourseOf(3_000);
        vm.load();
        platform.failNext = new PlatformUnreachableException("down", null);
        vm.rowsShown(2_980, 2_999);
        assertThat(vm.rows().get(2_999).isMore()).isTrue();

        vm.select(2_999);
        tasks.runScheduled();

        assertThat(vm.rows().get(2_999).learner()).isEqualTo(FakePlatformClient.row(2_999));
        assertThat(platform.learnerViews).containsExactly("id-2999");
    }

    @Test
    void clearingTheSelectionEmptiesTheDetailAndCancelsTheWait() {
        vm.load();
        vm.select(3);

        vm.select(-1);
        tasks.runScheduled();

        assertThat(platform.learnerViews).isEmpty();
        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.NONE);
    }

    private void showDetailOf(int index) {
        vm.select(index);
        tasks.runScheduled();
        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.READY);
    }

    @Test
    void theDetailEmptiesWhenAFilterLeavesItsLearnerOutOfTheList() {
        vm.load();
        showDetailOf(3);
        platform.learnerPages = q -> new Page<>(List.of(FakePlatformClient.row(7)), null, 1);

        vm.filters().countries().setAll("DE");
        tasks.runScheduled();

        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.NONE);
        assertThat(vm.detail().rowProperty().get()).isNull();
    }

    @Test
    void theDetailStaysWhenItsLearnerIsStillListedAndTheTableCanSelectThemAgain() {
        vm.load();
        showDetailOf(3);
        platform.learnerPages = q -> new Page<>(List.of(FakePlatformClient.row(9), FakePlatformClient.row(3)), null, 2);

        vm.searchProperty().set("learner");
        tasks.runScheduled();

        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.READY);
        assertThat(vm.indexOfShownLearner()).isEqualTo(1);
    }

    @Test
    void inALongListTheDetailStaysWhileTheLearnerCouldBeFurtherOnAndEmptiesWhenTheirRowFailsTheFilter() {
        servesCourseOf(3_000);
        vm.load();
        vm.rowsShown(2_000, 2_010);
        showDetailOf(2_005);

        vm.sortBy(LearnerSort.GRADE, true);
        assertThat(vm.detail().stateProperty().get()).as("another order lists the same learners")
                .isEqualTo(LearnerDetailViewModel.State.READY);

        vm.filters().countries().setAll("KE");
        tasks.runScheduled();
        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.READY);

        vm.filters().countries().setAll("DE", "GH");
        tasks.runScheduled();
        assertThat(vm.detail().stateProperty().get()).isEqualTo(LearnerDetailViewModel.State.NONE);
    }

    @Test
    void escapeClearsTheSearchAndSaysWhenThereWasNone() {
        vm.load();
        vm.searchProperty().set("amina");

        assertThat(vm.clearSearch()).isTrue();
        assertThat(vm.searchProperty().get()).isEmpty();
        assertThat(vm.clearSearch()).isFalse();
    }

    @Test
    void gradeRangeAndInactivityBecomeQueryParametersAndChipsThatClearThem() {
        vm.load();

        vm.filters().minGradeProperty().set(50);
        vm.filters().inactiveDaysProperty().set(30);
        vm.filters().countries().setAll("KE", "DE");
        tasks.runScheduled();

        LearnerQuery q = lastQuery();
        assertThat(q.minGrade()).isEqualTo(0.5);
        assertThat(q.maxGrade()).isNull();
        assertThat(q.inactiveDays()).isEqualTo(30);
        assertThat(vm.filters().chips()).extracting(FilterChip::text)
                .containsExactly("Country: Kenya, Germany", "Grade 50\u2013100%", "No activity in 30 days");

        vm.clear(vm.filters().chips().getFirst().filter());
        tasks.runScheduled();

        assertThat(lastQuery().countries()).isEmpty();
        assertThat(lastQuery().minGrade()).isEqualTo(0.5);
        assertThat(vm.filters().chips()).extracting(FilterChip::filter)
                .containsExactly(LearnerFilter.GRADE, LearnerFilter.INACTIVE);
        vm.clearFilters();
        assertThat(vm.filters().chips()).isEmpty();
        assertThat(vm.filtered()).isFalse();
    }

    @Test
    void aRefusedFilterIsSaidBesideItNotAsAListThatCouldNotBeLoaded() {
        vm.load();
        platform.failNext = new ApiHttpException(422, new Problem(
                null, "Invalid", 422, null, "validation_failed", List.of(
                new Problem.FieldError("minGrade", "Unknown parameter."),
                new Problem.FieldError("maxGrade", "Unknown parameter.")), null), null);

        vm.filters().minGradeProperty().set(40);
        vm.filters().maxGradeProperty().set(80);
        tasks.runScheduled();

        assertThat(vm.stateProperty().get()).isEqualTo(State.INVALID);
        assertThat(vm.refused()).containsOnlyKeys(LearnerFilter.GRADE);
        assertThat(vm.refused().get(LearnerFilter.GRADE)).isEqualTo("Unknown parameter.");

        vm.clear(LearnerFilter.GRADE);
        tasks.runScheduled();

        assertThat(vm.stateProperty().get()).isEqualTo(State.READY);
        assertThat(vm.refused()).isEmpty();
    }

    @Test
    void aRefusalNamingNoFilterIsAnErrorWithTryAgain() {
        vm.load();
        platform.failNext = new ApiHttpException(422, new Problem(
                null, "Invalid", 422, null, "validation_failed", List.of(
                new Problem.FieldError("cursor", "Expired.")), null), null);

        vm.sortBy(LearnerSort.NAME, false);

        assertThat(vm.stateProperty().get()).isEqualTo(State.ERROR);
        assertThat(vm.refused()).isEmpty();
    }

    @Test
    void anExportRequestOfTheWholeListIsTheWholeCourseWithTheColumnsShownAndTheCount() {
        vm.load();

        var plain = vm.exportRequest(List.of(LearnerColumn.NAME, LearnerColumn.GRADE));
        assertThat(plain.course()).isEqualTo(vm.courseProperty().get());
        assertThat(plain.fields()).containsExactlyInAnyOrder(RosterField.USERNAME,
                RosterField.NAME, RosterField.GRADE);
        assertThat(plain.view()).as("every learner in username order: the whole course").isNull();
        assertThat(plain.rows()).isEqualTo(120);
        assertThat(vm.exportTextProperty().get()).startsWith("Exports all 120 learners of this course");
    }

    /** R14: the export is of what the list shows: its search, filters and order, with the count it shows. */
    @Test
    void anExportRequestCarriesTheViewOnScreenAndItsCount() {
        vm.load();
        vm.searchProperty().set("  amina ");
        vm.filters().countries().setAll("KE", "DE");
        vm.filters().minGradeProperty().set(50);

        var typing = vm.exportRequest(List.of());
        assertThat(typing.view()).as("a search still being typed is not on screen yet").isNull();

        tasks.runScheduled();
        vm.sortBy(LearnerSort.NAME, true);
        var view = vm.exportRequest(List.of()).view();
        assertThat(view.text()).isEqualTo("q=amina&country=DE,KE&minGrade=0.5&sort=-name");
        assertThat(vm.exportRequest(List.of()).rows()).isEqualTo(vm.totalProperty().get());
        assertThat(vm.exportTextProperty().get()).startsWith("Exports the 120 learners of this view");

        platform.failNext = new PlatformUnreachableException("down", new IOException());
        vm.sortBy(LearnerSort.GRADE, false);
        assertThat(vm.exportRequest(List.of())).as("nothing listed, nothing to export").isNull();
        assertThat(vm.exportable().get()).isFalse();
    }
}
