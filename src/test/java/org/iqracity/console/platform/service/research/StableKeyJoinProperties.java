package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.iqracity.console.platform.research.PseudonymJoins;
import org.iqracity.console.platform.research.ResearchArchiveFile;
import org.junit.jupiter.api.Test;

/**
 * R11 across exports, as a property: one Member makes several stable-key exports of its courses (learners in
 * several of them, any k of 5 or more), and someone joins the dataset.csv files on pseudonym. Every joined group
 * (any two exports, all of them, and who is left out of which) holds at least the k of the exports joined. The
 * same joins of exports made without the history find small groups: the check can fail.
 */
class StableKeyJoinProperties {
    private static final Regions REGIONS = Regions.m49();

    /** What a run of exports released, and how many it refused. */
    record Run(List<PseudonymJoins.Released> released, int refused) {
        Map<String, Long> smallGroups() {
            return PseudonymJoins.learnersInSmallGroups(released);
        }
    }

    @Property(tries = 40)
    void r11StableKeyExportsJoinedOnPseudonymLeaveNoGroupUnderK(@ForAll long seed,
                                                               @ForAll @IntRange(min = 100, max = 1_200) int learners,
                                                               @ForAll @IntRange(min = 2, max = 5) int exports) {
        Run run = exports(seed, learners, exports, true);
        assertThat(run.released().size() + run.refused()).isEqualTo(exports);
        assertThat(run.smallGroups()).allSatisfy((join, n) -> assertThat(n).as(join).isZero());
    }

    @Test
    void r11TheSameJoinsOfExportsMadeWithoutTheHistoryFindGroupsUnderK() {
        int failing = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Run protectedRun = exports(seed, 800, 4, true);
            Run unprotected = exports(seed, 800, 4, false);
            assertThat(protectedRun.smallGroups().values()).allMatch(n -> n == 0);
            if (unprotected.smallGroups().values().stream().anyMatch(n -> n > 0)) {
                failing++;
            }
        }
        // a run whose exports all fall on one course with one k shows nothing to tell apart; most runs do not
        assertThat(failing).as("runs of 10 whose unprotected joins have groups under k").isGreaterThanOrEqualTo(5);
    }

    /**
     * {@code count} stable-key exports of a Member with three courses drawn from {@code learners} people: each
     * course holds a share of them, each with an enrollment date and forum posts of that course. With
     * {@code protect}, each export is checked against the Member's history and a refused one releases nothing.
     */
    static Run exports(long seed, int learners, int count, boolean protect) {
        Random rng = new Random(seed);
        List<LearnerRecord> people = Populations.random(seed, learners);
        double[] share = {0.3 + rng.nextDouble() * 0.6, 0.2 + rng.nextDouble() * 0.6, 0.1 + rng.nextDouble() * 0.5};
        MemberHistory member = new MemberHistory();
        List<PseudonymJoins.Released> released = new ArrayList<>();
        int refused = 0;
        for (int e = 0; e < count; e++) {
            int course = rng.nextInt(share.length);
            int k = 5 + rng.nextInt(6);
            List<LearnerRecord> records = course(people, seed, course, share[course]);
            JoinHistory before = protect ? member.before(records) : JoinHistory.NONE;
            KAnonymity.Result result = KAnonymity.apply(records, k, REGIONS, before);
            if (protect && result.joinsLeaveOutTooMany()) {
                refused++;
                continue;
            }
            if (protect) {
                member.record(before, result);
            }
            try {
                byte[] zip = ResearchArchiveTest.archive(records.size(), result, true, before.exports());
                released.add(PseudonymJoins.of(ResearchArchiveFile.read(zip)));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
        return new Run(released, refused);
    }

    /** The people enrolled in one course, with that course's enrollment date and forum posts. */
    private static List<LearnerRecord> course(List<LearnerRecord> people, long seed, int course, double share) {
        List<LearnerRecord> out = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Random own = new Random(seed * 31 + course * 1_000_003L + i);
            if (own.nextDouble() >= share) {
                continue;
            }
            LearnerRecord p = people.get(i);
            int posts = own.nextDouble() < 0.8 ? 0 : own.nextInt(30);
            out.add(new LearnerRecord(p.pseudonym(), p.yearOfBirth(), p.country(), p.gender(), p.education(),
                    Populations.START.plusSeconds(own.nextInt(200 * 86_400)), p.mode(), p.active(),
                    p.lastActivityAt(), p.progress(), p.grade(), p.passed(), p.certificate(), p.activeDays(),
                    p.videosWatched(), p.problemsAttempted(), posts));
        }
        return out;
    }
}
