package org.iqracity.console.client;

import java.io.OutputStream;
import org.iqracity.console.api.research.ResearchExportRequest;

/** De-identified research datasets (R11): {@link PlatformClient#research()}. */
public interface ResearchClient {

    /**
     * Has the platform make a de-identified research dataset of the course and streams its ZIP archive into
     * {@code out}; answers the bytes written. The platform reads the whole course before the first byte, so this
     * call waits longer for its answer than others do.
     */
    long export(String courseId, ResearchExportRequest request, OutputStream out);
}
