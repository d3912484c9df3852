package org.iqracity.console.platform.service.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.Callers;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.store.LearnerListQuery.Keyset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keyset cursors: they round-trip for every sort; an edited, foreign, handed-on, expired or replayed cursor is
 * refused; and nothing of the row it stands after can be read from it.
 */
class CursorCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final MutableClock clock =
            new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    private final CursorCodec codec = new CursorCodec(KEY, clock);
    private static final Caller ME = Callers.staff("me");

    static Keyset sample(LearnerSort sort) {
        return switch (sort) {
            case USERNAME -> new Keyset("ana.silva42", 17L);
            case NAME -> new Keyset("Ngũgĩ wa Thiong'o\nline two", 18L);
            case ENROLLED_AT -> new Keyset(Instant.parse("2026-11-29T09:12:04.123456Z"), 19L);
            case PROGRESS -> new Keyset(0.125, 20L);
            case GRADE -> new Keyset(1.0, Long.MAX_VALUE);
            case LAST_ACTIVITY_AT -> new Keyset(1_764_000_000_000L, 0L);
        };
    }

    static void assertRefused(Runnable decode) {
        assertThatThrownBy(decode::run).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED_REQUEST);
        });
    }

    @ParameterizedTest
    @EnumSource(LearnerSort.class)
    void roundTripsForEverySort(LearnerSort sort) {
        String cursor = codec.encode(ME, "fp", sort, sample(sort));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode(ME, "fp", sort, cursor)).isEqualTo(sample(sort));
    }

    @ParameterizedTest
    @EnumSource(LearnerSort.class)
    void everyTamperedByteIsRefused(LearnerSort sort) {
        String cursor = codec.encode(ME, "fp", sort, sample(sort));
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        for (int i = 0; i < raw.length; i++) {
            byte[] edited = raw.clone();
            edited[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(edited);
            assertRefused(() -> codec.decode(ME, "fp", sort, tampered));
        }
    }

    @Test
    void aCursorIsBoundToItsQueryFingerprint() {
        String cursor = codec.encode(ME, "course-a|prefix-x", LearnerSort.USERNAME, sample(LearnerSort.USERNAME));
        assertRefused(() -> codec.decode(ME, "course-b|prefix-x", LearnerSort.USERNAME, cursor));
        assertRefused(() -> codec.decode(ME, "course-a|prefix-y", LearnerSort.USERNAME, cursor));
        assertRefused(() -> codec.decode(ME, "", LearnerSort.USERNAME, cursor));
    }

    @Test
    void aCursorIsBoundToThePlatformKey() {
        String cursor = codec.encode(ME, "fp", LearnerSort.GRADE, sample(LearnerSort.GRADE));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertRefused(() -> new CursorCodec(otherKey, clock).decode(ME, "fp", LearnerSort.GRADE, cursor));
    }

    @Test
    void aCursorReadAsAnotherSortTypeIsRefusedNotCrashed() {
        String byName = codec.encode(ME, "fp", LearnerSort.USERNAME, sample(LearnerSort.USERNAME));
        assertRefused(() -> codec.decode(ME, "fp", LearnerSort.ENROLLED_AT, byName));
        assertRefused(() -> codec.decode(ME, "fp", LearnerSort.PROGRESS, byName));
        assertRefused(() -> codec.decode(ME, "fp", LearnerSort.LAST_ACTIVITY_AT, byName));
    }

    @Test
    void junkIsRefused() {
        for (String junk : new String[]{"", "A", "AAAA", "!!!!", "not base64 at all", "A".repeat(1_201),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[40])}) {
            assertRefused(() -> codec.decode(ME, "fp", LearnerSort.USERNAME, junk));
        }
    }

    @Test
    void theKeyIsCopiedNotShared() {
        byte[] key = KEY.clone();
        CursorCodec c = new CursorCodec(key, clock);
        String cursor = c.encode(ME, "fp", LearnerSort.USERNAME, sample(LearnerSort.USERNAME));
        key[0] ^= 1;
        assertThat(c.decode(ME, "fp", LearnerSort.USERNAME, cursor)).isEqualTo(sample(LearnerSort.USERNAME));
    }

    @Test
    void aCursorOpensOnlyForTheStaffMemberAndSessionItWasGivenTo() {
        String cursor = codec.encode(ME, "fp", LearnerSort.NAME, sample(LearnerSort.NAME));
        Caller other = Callers.staff("someone-else");
        assertRefused(() -> codec.decode(other, "fp", LearnerSort.NAME, cursor));
        Caller laterSession = new Caller(ME.staffId(), ME.username(), ME.displayName(), ME.memberId(),
                ME.memberName(), ME.roles(), ME.scope(), "another-session", ME.client(), ME.address());
        assertRefused(() -> codec.decode(laterSession, "fp", LearnerSort.NAME, cursor));
        assertThat(codec.decode(ME, "fp", LearnerSort.NAME, cursor)).isEqualTo(sample(LearnerSort.NAME));
    }

    @Test
    void aCursorExpiresWithTheLongestSession() {
        String cursor = codec.encode(ME, "fp", LearnerSort.GRADE, sample(LearnerSort.GRADE));
        clock.advance(CursorCodec.MAX_AGE.minusSeconds(1));
        assertThat(codec.decode(ME, "fp", LearnerSort.GRADE, cursor)).isEqualTo(sample(LearnerSort.GRADE));
        clock.advance(Duration.ofSeconds(2));
        assertRefused(() -> codec.decode(ME, "fp", LearnerSort.GRADE, cursor));
    }

    @ParameterizedTest
    @EnumSource(LearnerSort.class)
    void nothingOfTheRowCanBeReadFromACursor(LearnerSort sort) {
        Keyset row = sample(sort);
        String cursor = codec.encode(ME, "fp", sort, row);
        String inside = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
        // (a value of a character or three, such as id 0, turns up in any random bytes: the long ones tell)
        for (String shown : List.of(Long.toString(row.id()), row.value().toString())) {
            if (shown.length() >= 4) {
                assertThat(inside).doesNotContain(shown);
            }
        }
        assertThat(codec.encode(ME, "fp", sort, row)).as("a fresh nonce each time").isNotEqualTo(cursor);
    }
}
