package org.iqracity.console.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.iqracity.console.roster.RosterFileException;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.UserMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RosterErrorsTest {

    private final Messages messages = Messages.english();
    private final RosterErrors errors = new RosterErrors(messages);

    @ParameterizedTest
    @EnumSource(RosterFileException.Kind.class)
    void everyKindOfUnopenableFileHasItsOwnSentenceAndWhatToDo(RosterFileException.Kind kind) {
        UserMessage m = errors.describe(new RosterFileException(kind, "internal detail"));
        assertThat(m.text()).isEqualTo(messages.get("roster.error." + kind.name() + ".text"))
                .doesNotStartWith("!").doesNotContain("internal detail").endsWith(".");
        assertThat(m.hint()).doesNotStartWith("!").isNotBlank();
    }

    @Test
    void theSentencesDiffer() {
        Set<String> seen = new HashSet<>();
        for (RosterFileException.Kind kind : RosterFileException.Kind.values()) {
            assertThat(seen.add(errors.describe(new RosterFileException(kind, "x")).text())).as(kind.name()).isTrue();
        }
    }
}
