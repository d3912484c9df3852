package org.iqracity.console.ui.common;

import java.io.IOException;
import java.nio.file.Path;

/** Hands a file to the program the desktop uses for its type (a PDF viewer, a browser). Called off the FX thread. */
@FunctionalInterface
public interface FileOpener {

    void open(Path file) throws IOException;
}
