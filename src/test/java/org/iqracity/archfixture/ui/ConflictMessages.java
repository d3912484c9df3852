package org.iqracity.archfixture.ui;

import org.iqracity.archfixture.client.ApiHttpException;

/** Decides what to tell from the status number instead of the problem code. */
public final class ConflictMessages {
    public String describe(ApiHttpException e) {
        return e.status() == 409 ? "changed meanwhile" : "refused";
    }
}
