package org.iqracity.console.platform.service;

import java.util.List;
import org.iqracity.console.api.ProblemCode;

/** Reads the version an {@code If-Match: "vN"} header names, for edits that must not overwrite someone else's. */
public final class IfMatch {
    private IfMatch() {
    }

    /**
     * @param what how the refusal names the object, e.g. "these settings"
     * @throws PlatformException 428 without the header, 412 when it names no version
     */
    public static long version(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PlatformException(428, ProblemCode.PRECONDITION_REQUIRED, "Precondition required",
                    "Send If-Match with the version you edited, so that nobody's change is overwritten.", List.of(),
                    null);
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (!tag.matches("\"v\\d{1,18}\"")) {
            throw new PlatformException(412, ProblemCode.VERSION_CONFLICT, "Version conflict",
                    "The If-Match value is not a version of " + what + ".", List.of(), null);
        }
        return Long.parseLong(tag.substring(2, tag.length() - 1));
    }
}
