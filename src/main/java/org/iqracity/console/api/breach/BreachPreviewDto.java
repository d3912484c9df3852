package org.iqracity.console.api.breach;

import java.util.List;

/**
 * Who the notice would reach and how, before anything is sent. Learners of other Members or never enrolled, named in
 * a list, come back only as the entries the caller sent ({@code notLearnersOfMember}), never with anything more.
 */
public record BreachPreviewDto(long learners, long emailOnly, long letterOnly, long emailAndLetter,
                               long retired, long noUsableEmail, long noMailingAddress, long unknownJurisdiction,
                               List<JurisdictionCount> jurisdictions, long notLearnersOfMemberCount,
                               List<String> notLearnersOfMember, List<SampleLearner> sample,
                               String recipientsFingerprint) {

    /** Learners per jurisdiction; {@code known} false where the table has no entry and email is used by default. */
    public record JurisdictionCount(String country, String region, String label, boolean email, boolean letter,
                                    boolean known, long learners) {
    }

    /** A learner the notice can be previewed for. */
    public record SampleLearner(String learnerId, String username) {
    }
}
