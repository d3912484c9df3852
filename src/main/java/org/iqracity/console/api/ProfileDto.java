package org.iqracity.console.api;

import java.util.List;

/**
 * The profile a learner shares (R5). Each field says whether other learners can see it (R10). A retired learner
 * (R6) has the placeholder username and no fields.
 *
 * @param profileVisibility {@code limited} or {@code full}: what the learner shows to other learners
 * @param idVerified ID verification as a status only (R5): never documents or images
 */
public record ProfileDto(String learnerId, String username, boolean retired, String profileVisibility,
                         boolean idVerified, List<ProfileFieldDto> fields) {
    public ProfileDto {
        fields = List.copyOf(fields);
    }
}
