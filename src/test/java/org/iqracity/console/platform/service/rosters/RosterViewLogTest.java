package org.iqracity.console.platform.service.rosters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the access log keeps the view of a roster export (R12): whole when it fits its column, else cut cleanly. */
class RosterViewLogTest {

    @Test
    void aViewThatFitsIsLoggedWhole() {
        String view = "q=chen&country=DE,KE&sort=name";
        assertThat(RosterService.logged(view)).isEqualTo(view);
        String exactly = "q=" + "a".repeat(RosterService.LOGGED_VIEW_LENGTH - 2);
        assertThat(RosterService.logged(exactly)).isEqualTo(exactly);
    }

    @Test
    void aLongerViewIsCutToTheColumnWithAnEllipsis() {
        String logged = RosterService.logged("q=chen&country=" + "KE,".repeat(200) + "DE&sort=name");
        assertThat(logged).hasSize(RosterService.LOGGED_VIEW_LENGTH).startsWith("q=chen&country=KE,KE")
                .endsWith("\u2026");
    }

    @Test
    void aCutNeverSplitsACharacterInTwo() {
        // the cut would fall between the two halves of the emoji
        String view = "q=" + "a".repeat(RosterService.LOGGED_VIEW_LENGTH - 4) + "\uD83D\uDE00" + "b".repeat(20);
        String logged = RosterService.logged(view);
        assertThat(logged).hasSize(RosterService.LOGGED_VIEW_LENGTH - 1).endsWith("a\u2026");
        assertThat(logged.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
        assertThat(logged.chars().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }
}
