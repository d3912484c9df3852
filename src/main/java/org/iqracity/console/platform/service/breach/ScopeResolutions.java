package org.iqracity.console.platform.service.breach;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.platform.service.Tokens;

/**
 * The learners a notice's scope reaches, resolved once and kept while neither the scope nor any enrollment changes:
 * the preview, the submission and the approval of one draft read the same resolution, and requests that need it
 * while it is being made wait for that one instead of making their own. A list of 200,000 names took 7 s to resolve;
 * each preview did it again, and four at once slowed every other staff member's pages a hundredfold.
 */
final class ScopeResolutions {
    /** Learners held in all kept resolutions together, about 200 bytes each; the least recently used go first. */
    static final long BUDGET = 600_000;

    /** A scope resolved: who it reaches, the list entries that reached nobody, and the channels per learner. */
    record Resolved(RecipientResolver.Resolution resolution, RecipientPlan plan) {
        long weight() {
            return Math.max(1, resolution.learners().size() + resolution.unmatched().size());
        }
    }

    private record Key(String memberId, String scopeDigest, long enrollments) {
    }

    private final BiFunction<String, BreachScope, RecipientResolver.Resolution> resolver;
    private final Jurisdictions jurisdictions;
    private final LongSupplier enrollmentVersion;
    private final Map<Key, CompletableFuture<Resolved>> kept = new LinkedHashMap<>(16, 0.75f, true);

    /** @param enrollmentVersion moves whenever any enrollment is written, so a kept resolution is never stale */
    ScopeResolutions(BiFunction<String, BreachScope, RecipientResolver.Resolution> resolver,
            Jurisdictions jurisdictions,
                     LongSupplier enrollmentVersion) {
        this.resolver = resolver;
        this.jurisdictions = jurisdictions;
        this.enrollmentVersion = enrollmentVersion;
    }

    /** The resolution of {@code scope} (stored as {@code scopeJson}) for this Member: kept, joined or made now. */
    Resolved get(String memberId, String scopeJson, BreachScope scope) {
        Key key = new Key(memberId, Tokens.sha256(scopeJson), enrollmentVersion.getAsLong());
        CompletableFuture<Resolved> mine = new CompletableFuture<>();
        CompletableFuture<Resolved> existing;
        synchronized (this) {
            existing = kept.putIfAbsent(key, mine);
        }
        if (existing != null) {
            return await(existing);
        }
        try {
            RecipientResolver.Resolution resolution = resolver.apply(memberId, scope);
            Resolved resolved = new Resolved(resolution, RecipientPlan.of(resolution.learners(), jurisdictions));
            mine.complete(resolved);
            trim();
            return resolved;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                kept.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Drops the least recently used finished resolutions until the rest fit the budget (the newest always stays). */
    private synchronized void trim() {
        long total = 0;
        for (CompletableFuture<Resolved> f : kept.values()) {
            total += f.isDone() && !f.isCompletedExceptionally() ? f.join().weight() : 0;
        }
        Iterator<CompletableFuture<Resolved>> oldestFirst = kept.values().iterator();
        while (total > BUDGET && kept.size() > 1 && oldestFirst.hasNext()) {
            CompletableFuture<Resolved> f = oldestFirst.next();
            if (f.isDone()) {
                total -= f.isCompletedExceptionally() ? 0 : f.join().weight();
                oldestFirst.remove();
            }
        }
    }

    synchronized int size() {
        return kept.size();
    }

    private static Resolved await(CompletableFuture<Resolved> f) {
        try {
            return f.join();
        } catch (CompletionException | CancellationException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
