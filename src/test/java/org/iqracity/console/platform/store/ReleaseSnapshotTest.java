package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A stored sponsor release is read through R7's columns only (R5, R7), its values exactly as released. */
class ReleaseSnapshotTest {
    private static final String R7 = "learner_name,course_id,enrollment_status,enrolled_at,last_activity_at,"
            + "active_days,progress,completed,passed,certificate\r\n";
    private static final String OLD = "learner_name,sponsor_reference,course_id,enrollment_status,enrolled_at,"
            + "last_activity_at,active_days,progress,completed,passed,certificate\r\n";

    @Test
    void r7DropsTheReferenceAndKeepsEveryOtherValueByteForByte() {
        String old = OLD
                + "\"'=Ada, \"\"the\"\" "
                        + "first\",ACME-90300,c1,ENROLLED,2026-01-02T00:00:00Z,,4,0.5,false,false,false\r\n"
                + ",NSF-92279,c1,UNENROLLED,2026-01-03T00:00:00Z,2026-02-01T10:00:00Z,9,1.0,true,true,true\r\n";

        String served = ReleaseSnapshot.r7(old);

        assertThat(served).isEqualTo(R7
                + "\"'=Ada, \"\"the\"\" first\",c1,ENROLLED,2026-01-02T00:00:00Z,,4,0.5,false,false,false\r\n"
                + ",c1,UNENROLLED,2026-01-03T00:00:00Z,2026-02-01T10:00:00Z,9,1.0,true,true,true\r\n")
                .doesNotContain("ACME-90300", "NSF-92279");
        assertThat(ReleaseSnapshot.r7(served)).as("a release with R7's columns is served as stored").isEqualTo(served);
    }

    @Test
    void aColumnOutsideR7IsDroppedWhateverItIsCalledAndWhereverItStands() {
        String odd = "employee_no,certificate,passed,completed,progress,active_days,last_activity_at,enrolled_at,"
                + "enrollment_status,course_id,learner_name\r\nE-1,true,true,true,1.0,3,,2026-01-01T00:00:00Z,"
                + "ENROLLED,c1,Bo\r\n";

        assertThat(ReleaseSnapshot.r7(odd)).isEqualTo(R7
                + "Bo,c1,ENROLLED,2026-01-01T00:00:00Z,,3,1.0,true,true,true\r\n");
    }

    @Test
    void aSnapshotWithoutAnR7ColumnIsRefusedNotServedShort() {
        assertThatThrownBy(() -> ReleaseSnapshot.r7("learner_name,sponsor_reference\r\nAda,ACME-1\r\n"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("ACME-1");
    }

    @Test
    void r6RetiredRowsGoAfterTheNamedOnesInOrderOfEnrollment() {
        String sortedByHiddenName = R7
                + ",c1,ENROLLED,2026-03-01T00:00:00Z,,1,0.1,false,false,false\r\n"
                + "Ada,c1,ENROLLED,2026-01-01T00:00:00Z,,1,0.1,false,false,false\r\n"
                + ",c1,ENROLLED,2026-02-01T00:00:00Z,,1,0.1,false,false,false\r\n"
                + "Zoe,c1,ENROLLED,2026-01-05T00:00:00Z,,1,0.1,false,false,false\r\n";

        assertThat(ReleaseSnapshot.retiredLast(sortedByHiddenName)).isEqualTo(R7
                + "Ada,c1,ENROLLED,2026-01-01T00:00:00Z,,1,0.1,false,false,false\r\n"
                + "Zoe,c1,ENROLLED,2026-01-05T00:00:00Z,,1,0.1,false,false,false\r\n"
                + ",c1,ENROLLED,2026-02-01T00:00:00Z,,1,0.1,false,false,false\r\n"
                + ",c1,ENROLLED,2026-03-01T00:00:00Z,,1,0.1,false,false,false\r\n");
    }
}
