package org.iqracity.console.platform.service.research;

import java.util.List;

/**
 * The values a record shows for the columns someone could know about a learner from elsewhere (a colleague's age,
 * where they live, when they signed up, how often they post in the course's forums, which every other learner of
 * the course can count). k-anonymity holds over exactly this combination.
 */
public record QuasiIdentifiers(String yearOfBirth, String location, String gender, String education,
                               String enrolled, String forumPosts) {
    /** The dataset's column names of the quasi-identifiers, in the order of the record's components. */
    public static final List<String> COLUMNS = List.of("year_of_birth_band", "location", "gender",
            "level_of_education", "enrolled_period", "forum_posts_band");

    /** The values in the order of {@link #COLUMNS}. */
    public List<String> values() {
        return List.of(yearOfBirth, location, gender, education, enrolled, forumPosts);
    }
}
