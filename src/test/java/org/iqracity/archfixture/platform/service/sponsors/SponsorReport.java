package org.iqracity.archfixture.platform.service.sponsors;

import org.iqracity.archfixture.platform.service.accesslog.LogReader;

/** A feature that borrows from another feature instead of from the shared package. */
public final class SponsorReport {
    public String cell(String name) {
        return LogReader.safe(name);
    }
}
