package org.iqracity.console.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.iqracity.console.api.RosterCanon;

/**
 * The roster's CSV both ways on random rows: what {@link RosterCanon#csvLine} writes, {@link CsvRecords} reads back
 * as the same values however the text arrives in pieces, and {@link CanonicalLine} encodes to the very bytes the
 * signed digests are over.
 */
class RosterCsvTest {

    /** Values that test the format: empty, separators, quotes, line breaks, non-Latin text, half surrogate pairs. */
    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab,\"\r\n ").ofMaxLength(6),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(5),
                Arbitraries.of("", "Zoë \"Z\" O'Brien, Jr.", "مريم", "😀👩🏽‍💻", "a\r\nb", "\"", ",", "\uD83D"));
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 6);
        return width.flatMap(w -> value.list().ofSize(w).list().ofMinSize(1).ofMaxSize(20));
    }

    @Property(tries = 2000)
    void whatTheCanonicalLineWritesIsReadBackAsTheSameValues(@ForAll("rows") List<List<String>> rows,
                                                             @ForAll @IntRange(min = 1, max = 7) int piece)
            throws IOException {
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> text.append(RosterCanon.csvLine(r)));
        CsvRecords csv = new CsvRecords(new Pieces(text.toString(), piece));
        List<List<String>> read = new ArrayList<>();
        for (List<String> r = csv.next(); r != null; r = csv.next()) {
            read.add(r);
        }
        assertThat(read).isEqualTo(rows);
    }

    @Property(tries = 2000)
    void theCanonicalBytesAreTheCanonicalLineInUtf8(@ForAll("rows") List<List<String>> rows) {
        CanonicalLine line = new CanonicalLine();
        for (List<String> row : rows) {
            line.encode(row);
            assertThat(Arrays.copyOf(line.bytes(), line.length()))
                    .isEqualTo(RosterCanon.csvLine(row).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Example
    void aLongRowGrowsTheBufferAndStaysExact() {
        List<String> row = List.of("x".repeat(5_000), "ü".repeat(3_000), "\"q\"".repeat(1_000));
        CanonicalLine line = new CanonicalLine();
        line.encode(row);
        assertThat(Arrays.copyOf(line.bytes(), line.length()))
                .isEqualTo(RosterCanon.csvLine(row).getBytes(StandardCharsets.UTF_8));
    }

    @Example
    void textAfterAClosingQuoteJoinsTheFieldAndALastLineNeedsNoBreak() throws IOException {
        CsvRecords csv = new CsvRecords(new StringReader("\"ab\"cd,e\"f\r\nlast,line"));
        assertThat(csv.next()).containsExactly("abcd", "e\"f");
        assertThat(csv.next()).containsExactly("last", "line");
        assertThat(csv.next()).isNull();
    }

    @Example
    void brokenTextIsRefused() {
        assertThatThrownBy(() -> new CsvRecords(new StringReader("a\rb\r\n")).next())
                .hasMessage("bare carriage return");
        assertThatThrownBy(() -> new CsvRecords(new StringReader("\"a\rb")).next())
                .hasMessage("unterminated quoted field");
    }

    /** A reader that hands out at most {@code piece} characters a call, so fields end up across buffer refills. */
    private static final class Pieces extends Reader {
        private final String text;
        private final int piece;
        private int at;

        Pieces(String text, int piece) {
            this.text = text;
            this.piece = piece;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (at == text.length()) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), text.length() - at);
            text.getChars(at, at + n, cbuf, off);
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
