package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.platform.research.ResearchArchiveFile;
import org.junit.jupiter.api.Test;

class ResearchArchiveTest {

    static byte[] archive(List<LearnerRecord> records, int k, boolean stable) throws IOException {
        return archive(records.size(), KAnonymity.apply(records, k, Regions.m49()), stable, 0);
    }

    /** The archive of a release of {@code learners} records, as the platform writes it. */
    static byte[] archive(int learners, KAnonymity.Result result, boolean stable, int before) throws IOException {
        ResearchExportSummary summary = ResearchArchive.summary("northbridge", "course-v1:NB+CS101+2026",
                "Computing, \"the basics\"", "2026-03-01T09:00:00Z", stable, before, learners, result);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResearchArchive.write(out, summary, result);
        return out.toByteArray();
    }

    @Test
    void theArchiveHoldsTheSummaryFirstThenTheDictionaryAndTheDataset() throws IOException {
        ResearchArchiveFile zip = ResearchArchiveFile.read(archive(Populations.random(3, 500), 5, false));
        assertThat(zip.entries().keySet()).containsExactly("summary.json", "data-dictionary.md", "dataset.csv");
        assertThat(zip.header()).containsExactlyElementsOf(DatasetCsv.COLUMNS.stream().map(DatasetCsv.Column::name)
                .toList());
        assertThat(zip.rows()).hasSize((int) zip.summary().recordsExported())
                .allMatch(row -> row.size() == DatasetCsv.COLUMNS.size());
        assertThat(zip.summary().courseTitle()).isEqualTo("Computing, \"the basics\"");
    }

    @Test
    void theDictionaryNamesEveryColumnTheKTheCountsTheStepAndTheDate() throws IOException {
        ResearchArchiveFile zip = ResearchArchiveFile.read(archive(Populations.random(5, 800), 6, true));
        ResearchExportSummary s = zip.summary();
        String md = zip.dictionary();
        for (DatasetCsv.Column c : DatasetCsv.COLUMNS) {
            assertThat(md).contains("`" + c.name() + "`");
        }
        assertThat(md).contains("| k | 6 ", "2026-03-01T09:00:00Z", "Exported",
                "| Records suppressed | " + s.recordsSuppressed(), "| Rows generalised | " + s.recordsGeneralised(),
                "Generalisation step | " + s.generalisationLevel(), "(used)", "the Member's kept key",
                "HMAC-SHA-256");
    }

    @Test
    void forumPostsThatOtherLearnersCanCountAreWrittenAsABandAmongTheQuasiIdentifiers() throws IOException {
        ResearchArchiveFile zip = ResearchArchiveFile.read(archive(Populations.random(4, 600), 5, false));
        int band = zip.header().indexOf("forum_posts_band");
        assertThat(zip.header()).doesNotContain("forum_posts");
        assertThat(zip.summary().quasiIdentifiers()).contains("forum_posts_band");
        assertThat(zip.rows()).extracting(row -> row.get(band)).isNotEmpty()
                .allMatch(v -> List.of("0", "1", "2-4", "5-9", "10+", "1-4", "5+", "1+", "withheld").contains(v));
        assertThat(zip.dictionary()).contains("| `forum_posts_band` | yes |", "can count them");
    }

    @Test
    void neitherTheKeyNorAnyRawValueOfAQuasiIdentifierIsWritten() throws IOException {
        byte[] key = Pseudonyms.newKey(new SecureRandom());
        List<LearnerRecord> records = new ArrayList<>();
        try (Pseudonyms p = Pseudonyms.withKey(key)) {
            for (LearnerRecord r : Populations.random(9, 300)) {
                records.add(new LearnerRecord(p.of(r.pseudonym()), r.yearOfBirth(), r.country(), r.gender(),
                        r.education(), r.enrolledAt(), r.mode(), r.active(), r.lastActivityAt(), r.progress(),
                        r.grade(), r.passed(), r.certificate(), r.activeDays(), r.videosWatched(),
                        r.problemsAttempted(), r.forumPosts()));
            }
        }
        String all = ResearchArchiveFile.read(archive(records, 5, false)).everything();
        assertThat(all).doesNotContain(HexFormat.of().formatHex(key)).doesNotContain(
                Base64.getEncoder().encodeToString(key));
        // exact enrollment times never appear, only their periods
        assertThat(all).doesNotContain(records.getFirst().enrolledAt().toString().substring(0, 16));
    }
}
