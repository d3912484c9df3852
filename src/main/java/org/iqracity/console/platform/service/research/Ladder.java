package org.iqracity.console.platform.service.research;

import java.util.List;
import java.util.Locale;
import org.iqracity.console.platform.service.research.Coarsening.CountBands;
import org.iqracity.console.platform.service.research.Coarsening.Period;

/**
 * The generalisation ladder: fixed steps, each at least as coarse as the one before on every quasi-identifier.
 * The anonymiser tries them in order and stops at the first that keeps enough records; being fixed, the choice is
 * the same for the same data and easy to state in the data dictionary. The last steps withhold whole columns, so
 * that even a small course can be released with few records suppressed.
 */
public final class Ladder {
    /** What a withheld quasi-identifier shows in every row. */
    public static final String WITHHELD = "withheld";

    /** How finely a learner's place is shown. */
    public enum Place { COUNTRY, SUBREGION, REGION, WORLD;

        Place coarser() {
            return this == WORLD ? WORLD : values()[ordinal() + 1];
        }
    }

    /** How a level of education is shown. */
    public enum Education { SINGLE, GROUPED, WITHHELD }

    /** How the number of forum posts is shown: other learners can count them, so it is a quasi-identifier too. */
    public enum Posts { FIVE_BANDS, THREE_BANDS, TWO_BANDS, WITHHELD }

    /**
     * One step.
     *
     * @param bandYears   width of the year-of-birth bands; 0 withholds the year of birth
     * @param place       the finest place shown; a place with fewer than k learners is shown one step coarser
     * @param enrolled    precision of the enrollment date
     * @param education   levels of education singly, in four groups, or withheld
     * @param genderShown false withholds gender
     * @param forumPosts  forum posts in five, three or two bands, or withheld
     */
    public record Level(int index, int bandYears, Place place, Period enrolled, Education education,
                        boolean genderShown, Posts forumPosts) {
        /** The step in words, for the data dictionary. */
        public String describe() {
            String band = bandYears == 0 ? "year of birth withheld" : bandYears + "-year birth bands";
            String where = switch (place) {
                case COUNTRY -> "country";
                case SUBREGION -> "sub-region";
                case REGION -> "region (continent)";
                case WORLD -> "no place";
            };
            String schooling = switch (education) {
                case SINGLE -> "level of education as given";
                case GROUPED -> "level of education in four groups";
                case WITHHELD -> "level of education withheld";
            };
            String posts = switch (forumPosts) {
                case FIVE_BANDS -> "forum posts in five bands";
                case THREE_BANDS -> "forum posts in three bands";
                case TWO_BANDS -> "forum posts as none or some";
                case WITHHELD -> "forum posts withheld";
            };
            return band + "; " + where + "; enrolled by " + enrolled.name().toLowerCase(Locale.ROOT) + "; "
                    + schooling + (genderShown ? "" : "; gender withheld") + "; " + posts;
        }
    }

    public static final List<Level> LEVELS = List.of(
            new Level(0, 5, Place.COUNTRY, Period.WEEK, Education.SINGLE, true, Posts.FIVE_BANDS),
            new Level(1, 5, Place.COUNTRY, Period.MONTH, Education.SINGLE, true, Posts.FIVE_BANDS),
            new Level(2, 10, Place.COUNTRY, Period.MONTH, Education.SINGLE, true, Posts.FIVE_BANDS),
            new Level(3, 10, Place.SUBREGION, Period.MONTH, Education.GROUPED, true, Posts.THREE_BANDS),
            new Level(4, 10, Place.REGION, Period.QUARTER, Education.GROUPED, true, Posts.THREE_BANDS),
            new Level(5, 20, Place.REGION, Period.QUARTER, Education.GROUPED, true, Posts.TWO_BANDS),
            new Level(6, 20, Place.WORLD, Period.YEAR, Education.GROUPED, true, Posts.TWO_BANDS),
            new Level(7, 20, Place.WORLD, Period.YEAR, Education.WITHHELD, true, Posts.TWO_BANDS),
            new Level(8, 0, Place.WORLD, Period.YEAR, Education.WITHHELD, true, Posts.TWO_BANDS),
            new Level(9, 0, Place.WORLD, Period.YEAR, Education.WITHHELD, false, Posts.TWO_BANDS),
            new Level(10, 0, Place.WORLD, Period.YEAR, Education.WITHHELD, false, Posts.WITHHELD));

    private Ladder() {
    }

    /** A record's quasi-identifiers at this step, the place already chosen by {@link Locations}. */
    static QuasiIdentifiers at(Level level, LearnerRecord r, String place) {
        String band = level.bandYears() == 0 ? WITHHELD : Coarsening.yearBand(r.yearOfBirth(), level.bandYears());
        String education = switch (level.education()) {
            case SINGLE -> Coarsening.education(r.education());
            case GROUPED -> Coarsening.educationGroup(r.education());
            case WITHHELD -> WITHHELD;
        };
        String posts = switch (level.forumPosts()) {
            case FIVE_BANDS -> Coarsening.countBand(r.forumPosts(), CountBands.FIVE);
            case THREE_BANDS -> Coarsening.countBand(r.forumPosts(), CountBands.THREE);
            case TWO_BANDS -> Coarsening.countBand(r.forumPosts(), CountBands.TWO);
            case WITHHELD -> WITHHELD;
        };
        return new QuasiIdentifiers(band, place, level.genderShown() ? Coarsening.gender(r.gender()) : WITHHELD,
                education, Coarsening.period(r.enrolledAt(), level.enrolled()), posts);
    }
}
