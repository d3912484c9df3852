package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.store.LearnerListQuery.Keyset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keyset cursors: they round-trip for every sort, and an edited, foreign or replayed cursor is refused. */
class CursorCodecTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final CursorCodec codec = new CursorCodec(KEY);

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
        String cursor = codec.encode("fp", sort, sample(sort));
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(codec.decode("fp", sort, cursor)).isEqualTo(sample(sort));
    }

    @ParameterizedTest
    @EnumSource(LearnerSort.class)
    void everyTamperedByteIsRefused(LearnerSort sort) {
        String cursor = codec.encode("fp", sort, sample(sort));
        byte[] raw = Base64.getUrlDecoder().decode(cursor);
        for (int i = 0; i < raw.length; i++) {
            byte[] edited = raw.clone();
            edited[i] ^= 0x01;
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(edited);
            assertRefused(() -> codec.decode("fp", sort, tampered));
        }
    }

    @Test
    void aCursorIsBoundToItsQueryFingerprint() {
        String cursor = codec.encode("course-a|prefix-x", LearnerSort.USERNAME, sample(LearnerSort.USERNAME));
        assertRefused(() -> codec.decode("course-b|prefix-x", LearnerSort.USERNAME, cursor));
        assertRefused(() -> codec.decode("course-a|prefix-y", LearnerSort.USERNAME, cursor));
        assertRefused(() -> codec.decode("", LearnerSort.USERNAME, cursor));
    }

    @Test
    void aCursorIsBoundToThePlatformKey() {
        String cursor = codec.encode("fp", LearnerSort.GRADE, sample(LearnerSort.GRADE));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertRefused(() -> new CursorCodec(otherKey).decode("fp", LearnerSort.GRADE, cursor));
    }

    @Test
    void aCursorReadAsAnotherSortTypeIsRefusedNotCrashed() {
        String byName = codec.encode("fp", LearnerSort.USERNAME, sample(LearnerSort.USERNAME));
        assertRefused(() -> codec.decode("fp", LearnerSort.ENROLLED_AT, byName));
        assertRefused(() -> codec.decode("fp", LearnerSort.PROGRESS, byName));
        assertRefused(() -> codec.decode("fp", LearnerSort.LAST_ACTIVITY_AT, byName));
    }

    @Test
    void junkIsRefused() {
        for (String junk : new String[]{"", "A", "AAAA", "!!!!", "not base64 at all", "A".repeat(1_201),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]),
                Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[40])}) {
            assertRefused(() -> codec.decode("fp", LearnerSort.USERNAME, junk));
        }
    }

    @Test
    void theKeyIsCopiedNotShared() {
        byte[] key = KEY.clone();
        CursorCodec c = new CursorCodec(key);
        String cursor = c.encode("fp", LearnerSort.USERNAME, sample(LearnerSort.USERNAME));
        key[0] ^= 1;
        assertThat(c.decode("fp", LearnerSort.USERNAME, cursor)).isEqualTo(sample(LearnerSort.USERNAME));
    }
}
