package org.iqracity.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The view a roster holds, as text: one canonical form the platform signs and any reader can parse back. */
class RosterViewTest {

    private static RosterView view(String q, List<String> countries, LearnerSort sort, boolean descending) {
        return new RosterView(q, null, null, null, countries, null, null, null, null, null, sort, descending);
    }

    @Test
    void theTextIsTheListsQueryStringInOneOrderWithValuesAsTheListComparesThem() {
        RosterView v = new RosterView("  Chen ", EnrollmentMode.VERIFIED, true, false, List.of("ke", "DE", "KE "),
                0.2, 1.0, null, 0.75, 30, LearnerSort.NAME, true);
        assertThat(v.text()).isEqualTo("q=Chen&mode=VERIFIED&active=true&passed=false&country=DE,KE"
                + "&minProgress=0.2&maxProgress=1.0&maxGrade=0.75&inactiveDays=30&sort=-name");
        assertThat(view(null, List.of(), null, false).text()).isEqualTo("sort=username");
    }

    @Test
    void everyTextParsesBackToItsView() {
        for (String q : List.of("chen", "a&b=c", "100% + #1", "Łukasz García", "\uD83D\uDE00", "tab\there",
                "x%26y")) {
            RosterView v = new RosterView(q, EnrollmentMode.AUDIT, null, true, List.of("GH"), null, 0.5, 0.1, null,
                    7, LearnerSort.LAST_ACTIVITY_AT, false);
            assertThat(v.text()).as(q).doesNotContain("\n", "\t");
            assertThat(RosterView.parse(v.text())).as(q).isEqualTo(v);
        }
    }

    @Test
    void onlyCharactersAQueryStringNeedsAreEscaped() {
        assertThat(view("Zoë O'Brien & co", List.of(), LearnerSort.USERNAME, false).text())
                .isEqualTo("q=Zoë O'Brien %26 co&sort=username");
    }

    @Test
    void anythingElseIsNotAView() {
        for (String text : List.of("", "sort=nope", "q=chen", "q=chen&q=li&sort=name", "limit=5&sort=name",
                "active=yes&sort=name", "minGrade=half&sort=name", "mode=ADMIN&sort=name", "sort", "q=%zz&sort=name")) {
            assertThatThrownBy(() -> RosterView.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void onlyEveryLearnerInUsernameOrderIsTheWholeCourse() {
        assertThat(view(" ", List.of(), LearnerSort.USERNAME, false).wholeCourse()).isTrue();
        assertThat(view(null, List.of(), LearnerSort.USERNAME, true).wholeCourse()).isFalse();
        assertThat(view(null, List.of(), LearnerSort.NAME, false).wholeCourse()).isFalse();
        assertThat(view("a", List.of(), LearnerSort.USERNAME, false).wholeCourse()).isFalse();
        assertThat(view(null, List.of("KE"), LearnerSort.USERNAME, false).wholeCourse()).isFalse();
    }

    @Test
    void aViewIsTheFirstPageOfTheListThatShowsIt() {
        RosterView v = view("chen", List.of("KE"), LearnerSort.GRADE, true);
        LearnerQuery q = v.query();
        assertThat(q.cursor()).isNull();
        assertThat(RosterView.of(q)).isEqualTo(v);
    }
}
