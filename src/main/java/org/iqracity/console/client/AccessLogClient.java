package org.iqracity.console.client;

import java.io.OutputStream;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.AccessLogFilter;
import org.iqracity.console.api.ChainCheckpoint;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.Page;

/** The Member's access log (R12): {@link PlatformClient#accessLog()}. */
public interface AccessLogClient {

    /** One page of the access log, newest first; {@code cursor} null for the first page. */
    Page<AccessLogEntryDto> page(AccessLogFilter filter, String cursor, int limit);

    /** Streams the filtered access log as CSV into {@code out} as it arrives; answers the bytes written. */
    long csv(AccessLogFilter filter, OutputStream out);

    /**
     * Has the platform check the access log's hash chain from the first entry to the last, and that the chain still
     * holds every entry of the checkpoint given at an earlier verification.
     *
     * @param checkpoint {@link ChainCheckpoint#token()} of the checkpoint kept, or null
     */
    ChainVerificationDto verify(String checkpoint);
}
