package org.iqracity.console.ui.breach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopeEntriesTest {

    @Test
    void pastedEntriesSplitOnAnySeparatorAndCountOnce() {
        assertThat(ScopeEntries.parse("l-1, l-2;l-3\tAda@Example.org\n ada@example.org\n\n\"l-4\" l-1"))
                .containsExactly("l-1", "l-2", "l-3", "Ada@Example.org", "l-4");
    }

    @Test
    void aCsvWithAHeaderGivesOnlyItsIdColumnNotTheNames() {
        String csv = "name,learner_id,email\n\"Lovelace, Ada\",l-1,ada@example.org\nTrần Minh,l-2,minh@example.org\n";

        assertThat(ScopeEntries.parse(csv)).containsExactly("l-1", "l-2");
    }

    @Test
    void aCsvWithOnlyAnEmailColumnGivesTheAddresses() {
        assertThat(ScopeEntries.parse("Email\r\nada@example.org\r\nbob@example.org\r\n"))
                .containsExactly("ada@example.org", "bob@example.org");
    }

    @Test
    void nothingPastedIsNoEntries() {
        assertThat(ScopeEntries.parse("  \n ")).isEmpty();
        assertThat(ScopeEntries.parse(null)).isEmpty();
    }
}
