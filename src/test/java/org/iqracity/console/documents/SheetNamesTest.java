package org.iqracity.console.documents;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.apache.poi.ss.util.WorkbookUtil;
import org.junit.jupiter.api.Test;

/**
 * The console's sheet names are the ones POI (which reads workbooks back in the tests) would make, except that every
 * control character is replaced, where POI replaces only NUL and ETX: no spreadsheet program lets a person type one.
 */
class SheetNamesTest {

    @Property(tries = 2_000)
    void anyNameComesOutAsPoiWouldMakeIt(@ForAll @StringLength(min = 1, max = 60) String name) {
        Assume.that(name.chars().noneMatch(c -> c < 0x20));
        assertThat(SheetNames.safe(name, '_')).isEqualTo(WorkbookUtil.createSafeSheetName(name, '_'));
    }

    @Property(tries = 500)
    void namesMadeOfTheTrickyCharactersComeOutAsPoiWouldMakeThem(
            @ForAll("tricky") String name) {
        assertThat(SheetNames.safe(name, '_')).isEqualTo(WorkbookUtil.createSafeSheetName(name, '_'));
    }

    @net.jqwik.api.Provide
    Arbitrary<String> tricky() {
        return Arbitraries.strings().withChars("'\\/?*[]: aZ\u00e9").ofMinLength(1).ofMaxLength(40);
    }

    @Test
    void controlCharactersAreReplacedToo() {
        assertThat(SheetNames.safe("a\tb\nc\u0001d\u0000", '_')).isEqualTo("a_b_c_d_");
    }

    @Test
    void aNameOfNothingIsSheet() {
        assertThat(SheetNames.safe(null, '_')).isEqualTo("Sheet");
        assertThat(SheetNames.safe("", '_')).isEqualTo("Sheet");
    }

    @Test
    void aLongCourseTitleIsCutToThirtyOneCharacters() {
        assertThat(SheetNames.safe("Introduction to Data Science: Spring [2026]", '_'))
                .isEqualTo("Introduction to Data Science_ S").hasSize(31);
    }
}
