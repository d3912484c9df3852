package org.iqracity.console.platform.service;

/** Which client program and network address a request came from, for the access log (R12). */
public record RequestOrigin(String client, String address) {
    public RequestOrigin {
        client = clip(client, 200);
        address = clip(address, 64);
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        // Control characters would let a client forge lines in anything that prints the log.
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
