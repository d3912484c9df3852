package org.iqracity.console.ui.common;

/** A screen with a search field that Ctrl+F focuses. */
public interface Searchable {
    void focusSearch();
}
