package org.iqracity.console.platform.service;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This process's hold on the work it claims in the database: a breach-notice message it hands to the mail server, a
 * heavy call's slot. A claim names its holder; while the holder's lease runs no other node settles the claim, and
 * once it has run out the holder starts nothing more on the strength of it.
 */
public interface Lease {
    /** What claims are written with: the node's id and this start's own suffix ({@code node-a#3f9c2e71}). */
    String holder();

    /**
     * Whether work claimed under this lease may still be started. False once the lease may have run out, or soon
     * will: another node may then settle the claims, and a message started now could reach a learner twice.
     */
    boolean held();

    /** The holder name of a new start of {@code node}. */
    static String newHolder(String node) {
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        return node + "#" + HexFormat.of().formatHex(suffix);
    }

    /**
     * The one node of an embedded database: no other process can open its file, so nobody else could settle its
     * claims, and it holds them for as long as it runs.
     */
    static Lease alone(String node) {
        String holder = newHolder(node);
        return new Lease() {
            @Override
            public String holder() {
                return holder;
            }

            @Override
            public boolean held() {
                return true;
            }
        };
    }
}
