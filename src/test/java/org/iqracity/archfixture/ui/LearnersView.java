package org.iqracity.archfixture.ui;

import org.iqracity.archfixture.platform.store.StoreThatRoutes;

/** A screen that reads the database directly instead of going through the client. */
public final class LearnersView {
    public Object rows(StoreThatRoutes store) {
        return store.controller();
    }
}
