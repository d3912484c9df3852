package org.iqracity.console.platform.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a search word finds and how names order: folding, the search's words, a learner's words, name keys. */
class SearchTextTest {

    @Test
    void foldingTakesCaseAccentsAndLettersThatDoNotDecomposeAway() {
        assertThat(SearchText.fold("Łukasz")).isEqualTo("lukasz");
        assertThat(SearchText.fold("Øyvind Đorđević")).isEqualTo("oyvind dordevic");
        assertThat(SearchText.fold("Straße Æsir Œuvre Þór")).isEqualTo("strasse aesir oeuvre thor");
        assertThat(SearchText.fold("Iıİ")).isEqualTo("iii");
        assertThat(SearchText.fold("García Lefèvre Nguyễn Zoë")).isEqualTo("garcia lefevre nguyen zoe");
        assertThat(SearchText.fold("O'Brien D’Angelo")).isEqualTo("obrien dangelo");
        assertThat(SearchText.fold("Ｃｈｅｎ ﬁona")).as("compatibility forms").isEqualTo("chen fiona");
        assertThat(SearchText.fold("张伟 Иван")).isEqualTo("张伟 иван");
    }

    @Test
    void aSearchIsItsWordsFromTheirFirstLetterWithoutWordsAnotherImplies() {
        assertThat(SearchText.terms("  Ana \t GARCÍA ")).containsExactly("ana", "garcia");
        assertThat(SearchText.terms("ana anastasia ANA")).containsExactly("anastasia");
        assertThat(SearchText.terms("@amina -obi-")).containsExactly("amina", "obi-");
        assertThat(SearchText.terms("% _ -- ''")).isEmpty();
        assertThat(SearchText.terms("x".repeat(40))).containsExactly("x".repeat(SearchText.WORD_LENGTH));
        assertThat(SearchText.terms("amina.okafor12@example.com")).containsExactly("amina.okafor12@example.com");
    }

    @Test
    void aLearnersWordsStartAtEachWordOfNameUsernameAndLocalPartOnly() {
        List<String> words = SearchText.words("Zhang Chen", "zhang_chen12", "zhang.chen12@staff.example.org", false);
        assertThat(words).anyMatch(w -> w.startsWith("chen")).anyMatch(w -> w.startsWith("zhang ch"))
                .anyMatch(w -> w.startsWith("zhang.chen12@staff")).anyMatch(w -> w.startsWith("zhang_chen12"))
                .noneMatch(w -> w.startsWith("staff")).noneMatch(w -> w.startsWith("example"));
        // Each kept word starts no other: a shorter one would add nothing a prefix could find.
        for (String w : words) {
            assertThat(words.stream().filter(other -> other.startsWith(w))).containsExactly(w);
        }
    }

    @Test
    void aRetiredAccountsWordsComeFromItsUsernameAlone() {
        assertThat(SearchText.words("Amina Okafor", "retired_user_0a1b2c", "amina.okafor@example.com", true))
                .containsExactly("retired_user_0a1b2c", "user_0a1b2c", "0a1b2c");
    }

    @Test
    void nameKeysOrderNamesAsPeopleReadThemUnnamedAndRetiredLast() {
        record Person(String name, String username, boolean retired) {
        }
        List<Person> expected = List.of(new Person("@Amina Obi", "a", false), new Person("Émile Roy", "b", false),
                new Person("Ethan Smith", "c", false), new Person("Garcia", "d", false),
                new Person("garcia", "e", false), new Person("García", "f", false), new Person("lucía", "g", false),
                new Person("Lukas", "h", false), new Person("Łukasz", "i", false), new Person("Mateo", "j", false),
                new Person("Zoë", "k", false), new Person(null, "aaa", false), new Person("", "bbb", false),
                new Person(null, "retired_user_1", true));
        List<Person> shuffled = new ArrayList<>(expected.reversed());
        shuffled.sort(Comparator.comparing(p -> SearchText.nameKey(p.name(), p.username(), p.retired())));
        assertThat(shuffled).isEqualTo(expected);
        assertThat(expected).allSatisfy(p -> assertThat(SearchText.unnamed(SearchText.nameKey(p.name(), p.username(),
                p.retired()))).isEqualTo(p.name() == null || p.name().isEmpty()));
    }

    @Test
    void aLongNameKeyIsCutWithoutSplittingALetter() {
        String key = SearchText.nameKey("\ud83d\ude00".repeat(200), "u", false);
        assertThat(key.length()).isLessThanOrEqualTo(255);
        assertThat(Character.isHighSurrogate(key.charAt(key.length() - 1))).isFalse();
    }
}
