package org.iqracity.archfixture.platform.service;

import org.iqracity.archfixture.platform.service.accesslog.LogReader;

/** A shared service class that leans on one feature. */
public final class SharedCells {
    public String cell(String value) {
        return LogReader.safe(value);
    }
}
