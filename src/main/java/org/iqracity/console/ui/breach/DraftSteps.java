package org.iqracity.console.ui.breach;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.iqracity.console.ui.breach.DraftViewModel.Step;

/**
 * Moving through a draft's steps: on only past steps that hold what they need, back freely, and the draft saved on the
 * way (one not yet on the platform goes back unsaved). FX thread only.
 */
final class DraftSteps {
    private final ReadOnlyObjectWrapper<Step> step;
    /** Whether the officer may move past a step; says what it still needs when not. */
    private final Predicate<Step> passable;
    private final DraftAutosave autosave;
    private final BooleanSupplier onPlatform;
    private final Consumer<Step> entered;

    DraftSteps(ReadOnlyObjectWrapper<Step> step, Predicate<Step> passable, DraftAutosave autosave,
               BooleanSupplier onPlatform, Consumer<Step> entered) {
        this.step = step;
        this.passable = passable;
        this.autosave = autosave;
        this.onPlatform = onPlatform;
        this.entered = entered;
    }

    void next() {
        Step now = step.get();
        if (now.ordinal() < Step.SUBMIT.ordinal()) {
            goTo(Step.values()[now.ordinal() + 1]);
        }
    }

    void back() {
        Step now = step.get();
        if (now.ordinal() > 0) {
            goTo(Step.values()[now.ordinal() - 1]);
        }
    }

    /** Moves to a step: forward only once this step holds what it needs; the draft is saved on the way. */
    void goTo(Step target) {
        Step now = step.get();
        if (target == now || autosave.busy()) {
            return;
        }
        if (target.ordinal() > now.ordinal()) {
            if (!passable(now, target)) {
                return;
            }
        } else if (!onPlatform.getAsBoolean()) {
            step.set(target);
            return;
        }
        autosave.save(() -> {
            step.set(target);
            entered.accept(target);
        });
    }

    /** Each step from {@code now} up to (not including) {@code target}, in order, until one does not hold. */
    private boolean passable(Step now, Step target) {
        for (Step s : Step.values()) {
            if (s.ordinal() >= now.ordinal() && s.ordinal() < target.ordinal() && !passable.test(s)) {
                return false;
            }
        }
        return true;
    }
}
