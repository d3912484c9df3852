package org.iqracity.console.platform.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Argon2id hashes in PHC form (R13): right and wrong passwords, fresh salts, and the decoy for unknown users. */
class PasswordHasherTest {
    static PasswordHasher hasher;
    static String hash;

    @BeforeAll
    static void hashOnce() {
        hasher = new PasswordHasher();
        hash = hasher.hash("correct horse battery staple");
    }

    @Test
    void theRightPasswordVerifies() {
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void wrongPasswordsDoNot() {
        assertThat(hasher.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(hasher.verify("Correct horse battery staple", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
        assertThat(hasher.verify(null, hash)).isFalse();
        assertThat(hasher.verify("correct horse battery staple", null)).isFalse();
    }

    @Test
    void hashesAreArgon2idInPhcForm() {
        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hash).doesNotContain("correct");
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String again = hasher.hash("correct horse battery staple");
        assertThat(again).isNotEqualTo(hash);
        assertThat(again.split("\\$")[4]).isNotEqualTo(hash.split("\\$")[4]);
        assertThat(hasher.verify("correct horse battery staple", again)).isTrue();
    }

    @Test
    void aHashFromAnotherInstanceVerifies() {
        assertThat(new PasswordHasher().verify("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void unicodePasswordsVerifyExactly() {
        String h = hasher.hash("пароль-ŵ-\uD83D\uDE00");
        assertThat(hasher.verify("пароль-ŵ-\uD83D\uDE00", h)).isTrue();
        assertThat(hasher.verify("пароль-w-\uD83D\uDE00", h)).isFalse();
    }

    @Test
    void otherSchemesAndShapesAreRefused() {
        String[] parts = hash.split("\\$");
        assertThat(hasher.verify("correct horse battery staple", hash.replace("argon2id", "argon2i"))).isFalse();
        assertThat(hasher.verify("correct horse battery staple", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("correct horse battery staple", "plain")).isFalse();
        assertThat(hasher.verify("correct horse battery staple",
                String.join("$", parts[0], parts[1], parts[2], "m=19456,t=2,p=1,x=1", parts[4], parts[5])))
                .isFalse();
    }

    @Test
    void corruptStoredHashesFailToMatchInsteadOfThrowing() {
        String[] parts = hash.split("\\$");
        for (String corrupt : new String[] {
            String.join("$", parts[0], parts[1], parts[2], "m=lots,t=2,p=1", parts[4], parts[5]),
            String.join("$", parts[0], parts[1], parts[2], "m", parts[4], parts[5]),
            String.join("$", parts[0], parts[1], parts[2], parts[3], "not*base64!", parts[5])}) {
            assertThat(hasher.verify("correct horse battery staple", corrupt)).as(corrupt).isFalse();
        }
    }

    @Test
    void theDecoyCostsAsMuchAsARealCheck() {
        hasher.verifyDecoy("warm-up");
        hasher.verify("warm-up", hash);
        long real = Long.MAX_VALUE;
        long decoy = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            hasher.verify("guess-" + i, hash);
            long t1 = System.nanoTime();
            hasher.verifyDecoy("guess-" + i);
            long t2 = System.nanoTime();
            real = Math.min(real, t1 - t0);
            decoy = Math.min(decoy, t2 - t1);
        }
        // Loose on purpose (shared CI machines), yet a decoy that skipped the work would be orders faster.
        assertThat(decoy).as("decoy %d ns vs real %d ns", decoy, real).isGreaterThan(real / 4);
        hasher.verifyDecoy(null);
    }
}
