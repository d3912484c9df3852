package org.iqracity.console.platform.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The load balancers and reverse proxies in front of the platform, by address or CIDR block. Behind one, every request
 * comes from the proxy's address; the client's is in {@code X-Forwarded-For}, which anyone can write. So that header
 * is read only when the request came from a trusted proxy, and then from its right end: each trusted hop is passed
 * over, and the first address that is not a trusted proxy is the client. Without trusted proxies (the default) the
 * header is ignored, so a client cannot choose the address its throttles count and its access-log entries show.
 */
public final class TrustedProxies {
    /** Where operators list them: comma-separated addresses or CIDR blocks, e.g. {@code 10.0.0.5,10.1.0.0/16}. */
    public static final String SETTING = "PLATFORM_TRUSTED_PROXIES";
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** From the system property {@code platform.trustedProxies}, else the environment's {@value #SETTING}. */
    public static TrustedProxies configured() {
        String value = System.getProperty("platform.trustedProxies", System.getenv(SETTING));
        return value == null || value.isBlank() ? NONE : parse(value);
    }

    /**
     * @throws IllegalStateException naming the entry that is no IP address or CIDR block (host names are not taken:
     *                               resolving them would let DNS decide whom to trust)
     */
    public static TrustedProxies parse(String value) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : value.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", -1);
            byte[] network = literal(parts[0]);
            if (network == null || parts.length > 2) {
                throw new IllegalStateException(SETTING + ": \"" + entry + "\" is not an IP address or CIDR block");
            }
            int prefix = network.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalStateException(SETTING + ": \"" + entry + "\" has no valid prefix length");
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new TrustedProxies(blocks);
    }

    /** The client's address for a request that came from {@code peer} with this {@code X-Forwarded-For}. */
    public String clientOf(String peer, String forwardedFor) {
        if (blocks.isEmpty() || forwardedFor == null || !trusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                // not an address: what lies left of it cannot be trusted either
                return peer;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean trusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && blocks.stream().anyMatch(b -> b.contains(bytes));
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for anything else (never a DNS lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (v4) {
            for (String octet : t.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        boolean v6 = t.contains(":") && t.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
