package org.iqracity.console.api.research;

import java.util.List;

/**
 * {@code summary.json} in a research export's archive: what was asked, what was done and how many records it
 * touched. It names the course and the Member, never a person.
 *
 * @param stableExportsBefore       stable-key exports the Member made before this one, which it joins with (0 for
 *                                  an export with a key of its own)
 * @param learnersInCourse          every enrollment of the course, retired learners included
 * @param recordsExported           rows in {@code dataset.csv}
 * @param recordsGeneralised        exported rows whose quasi-identifiers are coarser than the finest form the export
 *                                  offers
 * @param recordsSuppressed         rows left out because their combination stayed shared by fewer than k learners,
 *                                  in this export or joined with earlier stable-key exports
 * @param recordsSuppressedForJoins of those, the rows left out only for the joins: their combination alone k or more
 *                                  learners of the course share
 * @param generalisationLevel       the step of the generalisation ladder that was used (0 the finest)
 * @param smallestGroup             the fewest rows that share one combination of quasi-identifiers (0 when none
 *                                  exported)
 */
public record ResearchExportSummary(String format, String memberId, String courseId, String courseTitle,
                                    String exportedAt, int k, boolean stableKey, int stableExportsBefore,
                                    List<String> quasiIdentifiers, long learnersInCourse, long recordsExported,
                                    long recordsGeneralised, long recordsSuppressed, long recordsSuppressedForJoins,
                                    int generalisationLevel, String generalisation, long groups, long smallestGroup,
                                    List<String> files) {
    public static final String FORMAT = "iqracity-research-export/1";
    public static final String DATASET = "dataset.csv";
    public static final String DICTIONARY = "data-dictionary.md";
    public static final String SUMMARY = "summary.json";

    public ResearchExportSummary {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        files = List.copyOf(files);
    }
}
