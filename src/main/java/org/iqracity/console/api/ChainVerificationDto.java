package org.iqracity.console.api;

/**
 * Result of checking a Member's access-log chain (R12).
 *
 * @param intact         every link holds and, when a checkpoint was handed in, the chain still holds it
 * @param entries        entries in the chain now
 * @param firstBrokenSeq the first entry that is not what it was (edited, or missing or replaced since the
 *                       checkpoint); null when intact
 * @param finding        what is wrong, in one word
 * @param earlier        what became of the checkpoint handed in
 * @param checkpoint     the head just verified, signed, to hand in next time; null when the chain is not intact
 */
public record ChainVerificationDto(boolean intact, long entries, Long firstBrokenSeq, Finding finding,
                                   Earlier earlier, ChainCheckpoint checkpoint) {

    /** What a verification found. */
    public enum Finding {
        /** Every entry links to the one before, and the checkpoint (if any) still holds. */
        INTACT,
        /** An entry's content no longer matches its keyed hash, or a link is missing. */
        EDITED,
        /** The entries up to the checkpoint are not all there any more: the chain was cut back (and maybe regrown). */
        CUT_BACK
    }

    /** The checkpoint handed in, as the platform found it. */
    public enum Earlier {
        /** None was handed in. */
        NONE,
        /** The chain still holds every entry it named. */
        HELD,
        /** The chain no longer holds what it named. */
        BROKEN,
        /** Not signed by this platform's key, or for another Member: it says nothing here. */
        NOT_VERIFIABLE
    }

    /** A verification that was handed no checkpoint and gives none (older platforms answered this way). */
    public ChainVerificationDto(boolean intact, long entries, Long firstBrokenSeq) {
        this(intact, entries, firstBrokenSeq, intact ? Finding.INTACT : Finding.EDITED, Earlier.NONE, null);
    }
}
