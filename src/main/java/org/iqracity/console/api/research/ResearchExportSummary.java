package org.iqracity.console.api.research;

import java.util.List;

/**
 * {@code summary.json} in a research export's archive: what was asked, what was done and how many records it
 * touched. It names the course and the Member, never a person.
 *
 * @param learnersInCourse    every enrollment of the course, retired learners included
 * @param recordsExported     rows in {@code dataset.csv}
 * @param recordsGeneralised  exported rows whose quasi-identifiers are coarser than the finest form the export offers
 * @param recordsSuppressed   rows left out because their combination stayed shared by fewer than k learners
 * @param generalisationLevel the step of the generalisation ladder that was used (0 the finest)
 * @param smallestGroup       the fewest rows that share one combination of quasi-identifiers (0 when none exported)
 */
public record ResearchExportSummary(String format, String memberId, String courseId, String courseTitle,
                                    String exportedAt, int k, boolean stableKey, List<String> quasiIdentifiers,
                                    long learnersInCourse, long recordsExported, long recordsGeneralised,
                                    long recordsSuppressed, int generalisationLevel, String generalisation,
                                    long groups, long smallestGroup, List<String> files) {
    public static final String FORMAT = "iqracity-research-export/1";
    public static final String DATASET = "dataset.csv";
    public static final String DICTIONARY = "data-dictionary.md";
    public static final String SUMMARY = "summary.json";

    public ResearchExportSummary {
        quasiIdentifiers = List.copyOf(quasiIdentifiers);
        files = List.copyOf(files);
    }
}
