package org.iqracity.console.ui.breach;

import java.util.Arrays;
import java.util.Comparator;
import org.iqracity.console.ui.breach.DraftViewModel.Step;
import org.iqracity.console.ui.common.Messages;

/**
 * Every field of a breach request, by the name the platform gives it in a refusal ({@code scope.learners},
 * {@code discoveredAt}), with the step it is edited on and its label in words. The platform's names never reach the
 * screen: a name the console does not know reads as its nearest known parent, or as the draft as a whole.
 */
public enum DraftField {
    TITLE("title", Step.FACTS),
    DISCOVERED_AT("discoveredAt", Step.FACTS),
    OCCURRED_FROM("occurredFrom", Step.FACTS),
    OCCURRED_TO("occurredTo", Step.FACTS),
    WHAT_HAPPENED("whatHappened", Step.FACTS),
    DATA_CATEGORIES("dataCategories", Step.FACTS),
    SYSTEMS("systems", Step.FACTS),
    MEASURES("measures", Step.FACTS),
    LEARNER_ACTIONS("learnerActions", Step.FACTS),
    CONTACT("contact", Step.FACTS),
    SCOPE("scope", Step.SCOPE),
    SCOPE_MODE("scope.mode", Step.SCOPE),
    SCOPE_COURSES("scope.courseIds", Step.SCOPE),
    SCOPE_ENROLLED_FROM("scope.enrolledFrom", Step.SCOPE),
    SCOPE_ENROLLED_TO("scope.enrolledTo", Step.SCOPE),
    SCOPE_HOLDING("scope.holding", Step.SCOPE),
    SCOPE_LEARNERS("scope.learners", Step.SCOPE),
    SUBJECT("subject", Step.NOTICE),
    BODY("body", Step.NOTICE);

    private final String path;
    private final Step step;

    DraftField(String path, Step step) {
        this.path = path;
        this.step = step;
    }

    /** The name the platform uses for this field. */
    public String path() {
        return path;
    }

    public Step step() {
        return step;
    }

    public String label(Messages messages) {
        return messages.get("breach.field." + path);
    }

    /**
     * The field a platform name points at: {@code scope.learners[3]} is the list, {@code scope.somethingNew} the
     * scope; null when it names nothing of the draft.
     */
    public static DraftField of(String platformName) {
        if (platformName == null) {
            return null;
        }
        String name = platformName.replaceAll("\\[[^]]*]", "").strip();
        return Arrays.stream(values())
                .filter(f -> name.equals(f.path) || name.startsWith(f.path + "."))
                .max(Comparator.comparingInt(f -> f.path.length()))
                .orElse(null);
    }
}
