package org.iqracity.console.client;

import java.io.IOException;
import java.util.List;

/** Receives a roster stream: the column names once, then each row's values in that order. */
public interface RosterLines {
    void header(List<String> fields) throws IOException;

    void row(List<String> values) throws IOException;
}
