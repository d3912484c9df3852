package org.iqracity.console.ui.exports;

import java.util.BitSet;

/**
 * A rough estimate of how hard a passphrase is to guess: the bits of a random string from the character classes it
 * uses, discounted for repeated characters. Not a cracking model; it nudges people towards long phrases.
 */
public record PassphraseStrength(double bits, Level level) {
    public static final int MIN_LENGTH = 12;

    public enum Level { TOO_SHORT, WEAK, FAIR, GOOD, STRONG }

    public static PassphraseStrength of(CharSequence passphrase) {
        int length = passphrase.length();
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        boolean other = false;
        BitSet seen = new BitSet();
        int distinct = 0;
        for (int i = 0; i < length; i++) {
            char c = passphrase.charAt(i);
            if (!seen.get(c)) {
                seen.set(c);
                distinct++;
            }
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c < 128) {
                symbol = true;
            } else {
                other = true;
            }
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);
        // "aaaaaaaaaaaa" is not twelve characters' worth of secret: count at most ~2 uses of each character.
        double effective = Math.min(length, distinct * 2.0);
        double bits = pool == 0 ? 0 : effective * Math.log(pool) / Math.log(2);
        Level level;
        if (length < MIN_LENGTH) {
            level = Level.TOO_SHORT;
        } else if (bits < 45) {
            level = Level.WEAK;
        } else if (bits < 65) {
            level = Level.FAIR;
        } else if (bits < 90) {
            level = Level.GOOD;
        } else {
            level = Level.STRONG;
        }
        return new PassphraseStrength(bits, level);
    }

    /** 0..1 for a meter. */
    public double fraction() {
        return Math.min(1, bits / 100);
    }
}
