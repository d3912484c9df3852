package org.iqracity.console.ui.common;

/** Light, dark, or whatever the desktop prefers. */
public enum ThemeMode {
    SYSTEM,
    LIGHT,
    DARK
}
