package org.iqracity.console.platform.store;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.h2.api.DatabaseEventListener;

/**
 * Hears from H2 which index it is building, so that a sandbox load can say so while it indexes (on the
 * 1,000,000-learner sandbox that is minutes, one index after another, with nothing else to show). H2 makes this
 * listener itself, from its class name, and hands it the database's URL: the receiver is found here by that URL.
 */
public final class IndexBuildProgress implements DatabaseEventListener {
    private static final Map<String, Consumer<String>> RECEIVERS = new ConcurrentHashMap<>();

    private Consumer<String> receiver = name -> { };
    private String building;

    /** For H2, which makes the listener by reflection. */
    public IndexBuildProgress() {
    }

    static void register(String url, Consumer<String> receiver) {
        RECEIVERS.put(base(url), receiver);
    }

    static void unregister(String url) {
        RECEIVERS.remove(base(url));
    }

    private static String base(String url) {
        return url.split(";", 2)[0];
    }

    @Override
    public void init(String url) {
        receiver = RECEIVERS.getOrDefault(base(url), name -> { });
    }

    /** H2 calls this for every row of an index it builds: only a new index is passed on. */
    @Override
    public void setProgress(int state, String name, long x, long max) {
        if (state != STATE_CREATE_INDEX || name == null || name.equals(building)) {
            return;
        }
        building = name;
        receiver.accept(describe(name));
    }

    /** {@code ENROLLMENT:ENROLLMENT_BY_GRADE} as {@code enrollment_by_grade on enrollment}. */
    static String describe(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        return colon < 0 ? lower : lower.substring(colon + 1) + " on " + lower.substring(0, colon);
    }
}
