package org.iqracity.console.client;

import java.util.List;
import org.iqracity.console.api.RosterConversionDto;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.RosterView;

/** Signed roster downloads and the reports of their copies: {@link PlatformClient#rosters()}. */
public interface RostersClient {

    /**
     * Streams a course roster to {@code lines} as it arrives and answers the platform's signed summary. A
     * {@link RosterLines} that throws stops the download.
     */
    default RosterSummary download(String courseId, List<RosterField> fields, RosterLines lines) {
        return download(courseId, fields, null, lines);
    }

    /**
     * As {@link #download(String, List, RosterLines)}, of the learners of {@code view} alone (the learner list's
     * search, filters and order) in its order; null for the whole course. The summary names the view it holds.
     */
    RosterSummary download(String courseId, List<RosterField> fields, RosterView view, RosterLines lines);

    /**
     * Tells the platform that an unencrypted copy was made of an exported roster (R14). Safe to send again: the
     * platform records a report id once.
     */
    RosterConversionDto reportConversion(RosterConversionReport report);
}
