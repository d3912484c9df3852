package org.iqracity.console.api;

import java.util.List;

/** One page of a keyset-paged list. {@code nextCursor} is opaque and null on the last page. */
public record Page<T>(List<T> items, String nextCursor, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
