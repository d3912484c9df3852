package org.iqracity.console.ui.exports;

/** Which rows an unencrypted copy of an open roster holds. */
public enum CopyScope {
    /** Every row of the file, in the file's order. */
    ALL_ROWS,
    /** The rows the table shows now (its search and filters), in the table's order. */
    VIEW
}
