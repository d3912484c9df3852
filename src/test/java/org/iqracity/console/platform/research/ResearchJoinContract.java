package org.iqracity.console.platform.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.platform.research.ResearchHttp.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * R11 across exports: stable-key research exports of one Member share pseudonyms, so whoever holds several can
 * join them. On a platform of its own, so that the Member's history of stable-key exports starts empty and each
 * test's Member sees only that test's exports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResearchJoinContract {
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";
    static final String MATH110 = "course-v1:Northbridge+MATH110+2026_T1";

    PlatformFixture platform;
    ResearchHttp exports;

    /** A platform of its own on the sandbox of {@link PlatformFixture#LEARNERS}. */
    abstract PlatformFixture start() throws Exception;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = start();
        exports = new ResearchHttp(platform.api());
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    @Test
    void r11StableKeyExportsOfOneMemberJoinedOnPseudonymLeaveNoGroupUnderK() {
        String admin = platform.api().signIn("nb-admin");
        List<PseudonymJoins.Released> released = new ArrayList<>();
        for (String ask : List.of(CS101 + " 5", DS200 + " 5", MATH110 + " 5", CS101 + " 6")) {
            String[] course = ask.split(" ");
            Answer a = exports.export(course[0], admin, "{\"stableKey\":true,\"k\":" + course[1] + "}");
            if (a.status() == 200) {
                released.add(PseudonymJoins.of(a.archive()));
            } else {
                assertThat(a.status()).as(a.text()).isEqualTo(422);
            }
        }
        assertThat(released).hasSizeGreaterThanOrEqualTo(2);
        assertThat(PseudonymJoins.learnersInSmallGroups(released)).allSatisfy((join, learners) ->
                assertThat(learners).as(join).isZero());
    }
}
