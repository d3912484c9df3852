package org.iqracity.console.platform.service.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.iqracity.console.platform.research.ResearchArchiveFile;

/**
 * R11 as a property: for any population and any k of at least 5, every combination of quasi-identifiers in the
 * exported dataset.csv (the bytes a researcher gets) is shared by at least k rows, and no row is invented or lost
 * without being counted as suppressed.
 */
class KAnonymityProperties {

    @Property(tries = 60)
    void theExportedDatasetIsKAnonymousOnTheQuasiIdentifiers(@ForAll long seed,
                                                            @ForAll @IntRange(min = 0, max = 1_500) int learners,
                                                            @ForAll @IntRange(min = 5, max = 40) int k)
            throws IOException {
        List<LearnerRecord> population = Populations.random(seed, learners);
        ResearchArchiveFile zip = ResearchArchiveFile.read(ResearchArchiveTest.archive(population, k, false));
        List<String> header = zip.header();
        List<Integer> qi = QuasiIdentifiers.COLUMNS.stream().map(header::indexOf).toList();
        assertThat(qi).doesNotContain(-1);
        Map<List<String>, Integer> groups = new HashMap<>();
        Set<String> pseudonyms = new HashSet<>();
        for (List<String> row : zip.rows()) {
            groups.merge(qi.stream().map(row::get).toList(), 1, Integer::sum);
            pseudonyms.add(row.get(header.indexOf("pseudonym")));
        }
        assertThat(groups.values()).allMatch(n -> n >= k);
        assertThat(zip.rows().size() + zip.summary().recordsSuppressed()).isEqualTo(learners);
        Set<String> given = new HashSet<>();
        population.forEach(r -> given.add(r.pseudonym()));
        assertThat(given).containsAll(pseudonyms);
        assertThat(pseudonyms).hasSize(zip.rows().size());
    }
}
