package org.iqracity.console.platform.service.research;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A Member's join history held in memory the way the platform holds it in its database, for tests. */
final class MemberHistory {
    private final Map<String, String> digests = new HashMap<>();
    private int exports;

    /** What an export of these records is checked against. */
    JoinHistory before(List<LearnerRecord> records) {
        Map<String, Integer> sharedBy = new HashMap<>();
        digests.values().forEach(d -> sharedBy.merge(d, 1, Integer::sum));
        Map<String, String> theirs = new HashMap<>();
        for (LearnerRecord r : records) {
            String digest = digests.get(r.pseudonym());
            if (digest != null) {
                theirs.put(r.pseudonym(), digest);
            }
        }
        return new JoinHistory(exports, theirs, sharedBy);
    }

    /** Keeps what a released export showed. */
    void record(JoinHistory before, KAnonymity.Result released) {
        digests.putAll(before.after(released.rows()));
        exports = before.nextExport();
    }
}
