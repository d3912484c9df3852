package org.iqracity.archfixture.roster.query;

import javafx.collections.ObservableListBase;

/** A query result that is a JavaFX list: the engine must run without a toolkit. */
public abstract class ObservableRows extends ObservableListBase<Integer> {
}
