package org.iqracity.console.ui.exports;

import java.util.AbstractList;
import javafx.collections.ObservableListBase;
import org.iqracity.console.roster.query.OfflineRoster;

/**
 * The rows a table shows, as indexes into an {@link OfflineRoster}: an int array behind a list, so half a million
 * rows cost two megabytes, not twenty of boxed integers. Replaced whole, on the FX thread.
 */
public final class IndexList extends ObservableListBase<Integer> {
    private int[] indexes = new int[0];

    void replace(int[] newIndexes) {
        int[] old = indexes;
        indexes = newIndexes;
        beginChange();
        if (old.length > 0) {
            nextRemove(0, new AbstractList<Integer>() {
                @Override
                public Integer get(int i) {
                    return old[i];
                }

                @Override
                public int size() {
                    return old.length;
                }
            });
        }
        if (newIndexes.length > 0) {
            nextAdd(0, newIndexes.length);
        }
        endChange();
    }

    /** The rows shown now, in their order: a copy, which later queries leave as it is. */
    int[] indexes() {
        return indexes.clone();
    }

    @Override
    public Integer get(int index) {
        return indexes[index];
    }

    @Override
    public int size() {
        return indexes.length;
    }
}
