package org.iqracity.console.platform.service.accesslog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.ChainCheckpoint;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.ChainVerificationDto.Earlier;
import org.iqracity.console.api.ChainVerificationDto.Finding;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.SpreadsheetCsv;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.Refusals;
import org.iqracity.console.platform.service.SigningKeys;
import org.iqracity.console.platform.store.AccessLogNames;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.AccessLogRepository.Entry;
import org.iqracity.console.platform.store.AccessLogRepository.Filter;

/** Reading the access log (R12): a Member's security officers only, newest first, filtered, exported, verified. */
public final class AccessLogService {
    private static final int EXPORT_BATCH = 1_000;

    private final AccessLogRepository repository;
    private final AccessLog accessLog;
    private final Refusals refusals;
    private final SigningKeys signing;
    private final Clock clock;

    public AccessLogService(AccessLogRepository repository, AccessLog accessLog, Refusals refusals,
                            SigningKeys signing, Clock clock) {
        this.repository = repository;
        this.accessLog = accessLog;
        this.refusals = refusals;
        this.signing = signing;
        this.clock = clock;
    }

    /** Seconds a staff member whose requests were refused too often this minute must wait, or 0. */
    public long refusedTooOften(Caller caller) {
        return refusals.waitFor(caller);
    }

    /**
     * Writes the repeats of refusals whose minute is over (all of them at a stop), one entry each: the route and
     * how many more times it was refused in that minute.
     */
    public void writeRepeats(boolean all) {
        for (Refusals.Repeats r : refusals.closed(all)) {
            Refusals.Refusal f = r.first();
            accessLog.record(new AccessLog.Event(f.caller().memberId(), f.caller().staffId(), f.caller().username(),
                    f.action(), "DENIED", "ROUTE", f.route() + " \u00d7" + r.count() + " more in the minute from "
                    + r.minuteStart(), f.courseId(), f.caller().origin()));
        }
    }

    /**
     * A signed-in caller's request that the rules refused (403) or answered as if its object did not exist (404:
     * another Member's, out of scope, or truly missing; R1 makes them alike to the caller, not to the log). The
     * route's template names what was asked for; the course id in the path, if any, is kept when it fits.
     */
    public void refused(Caller caller, String method, String route, int status, String courseId) {
        writeRepeats(false);
        Refusals.Refusal r = new Refusals.Refusal(caller, status == 403 ? "ACCESS_FORBIDDEN" : "ACCESS_NOT_FOUND",
                method + " " + route, courseId == null || courseId.length() > 200 ? null : courseId);
        if (refusals.count(r)) {
            accessLog.record(new AccessLog.Event(caller.memberId(), caller.staffId(), caller.username(), r.action(),
                    "DENIED", "ROUTE", r.route(), r.courseId(), caller.origin()));
        }
    }

    public Page<AccessLogEntryDto> page(Caller caller, Filter filter, String cursor, int limit) {
        requireOfficer(caller);
        if (limit < 1 || limit > 500) {
            throw PlatformException.invalid("limit", "Must be between 1 and 500.");
        }
        Long before = cursor == null ? null : parseCursor(cursor);
        List<Entry> rows = repository.page(caller.memberId(), filter, before, limit + 1);
        boolean more = rows.size() > limit;
        List<Entry> page = more ? rows.subList(0, limit) : rows;
        if (cursor == null) {
            accessLog.record(AccessLog.by(caller, "ACCESS_LOG_READ", "ACCESS_LOG", caller.memberId(), null));
        }
        AccessLogNames.Names names = repository.names(caller.memberId(), page);
        return new Page<>(page.stream().map(e -> toDto(e, names)).toList(),
                more ? Long.toString(page.getLast().seq()) : null, repository.count(caller.memberId(), filter));
    }

    /**
     * Walks the Member's chain once. A checkpoint handed in (one this platform signed for this Member at an earlier
     * verification) is checked too: the entries it saw must all still be there. An intact chain's head comes back
     * signed, to be handed in next time.
     *
     * @param earlierToken {@link ChainCheckpoint#token()} of the last checkpoint the caller kept, or null
     */
    public ChainVerificationDto verify(Caller caller, String earlierToken) {
        requireOfficer(caller);
        ChainCheckpoint earlier = earlierToken == null ? null : readCheckpoint(earlierToken);
        boolean usable = earlier != null && earlier.memberId().equals(caller.memberId())
                && earlier.keyId().equals(signing.keyId()) && signing.verifies(earlier.payload(), earlier.signature());
        AccessLog.Walk walk = accessLog.walk(caller.memberId(), usable
                ? new AccessLog.Anchor(earlier.entries(), earlier.headHash(), earlier.headAt()) : null);
        accessLog.record(AccessLog.by(caller, "ACCESS_LOG_VERIFY", "ACCESS_LOG", caller.memberId(), null));
        Long edited = walk.firstBroken();
        Long cut = walk.cutBackFrom();
        Long first = edited == null ? cut : cut == null ? edited : Long.valueOf(Math.min(edited, cut));
        Finding finding = first == null ? Finding.INTACT : first.equals(edited) ? Finding.EDITED : Finding.CUT_BACK;
        Earlier status = earlierToken == null ? Earlier.NONE : !usable ? Earlier.NOT_VERIFIABLE
                : cut == null ? Earlier.HELD : Earlier.BROKEN;
        return new ChainVerificationDto(first == null, walk.entries(), first, finding, status,
                first == null ? sign(caller.memberId(), walk) : null);
    }

    private static ChainCheckpoint readCheckpoint(String token) {
        try {
            return ChainCheckpoint.parse(token);
        } catch (IllegalArgumentException e) {
            throw PlatformException.invalid("checkpoint", "Not a checkpoint of the access log.");
        }
    }

    private ChainCheckpoint sign(String memberId, AccessLog.Walk walk) {
        ChainCheckpoint unsigned = new ChainCheckpoint(memberId, walk.entries(), walk.headHash(), walk.headAt(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), signing.keyId(), "");
        return new ChainCheckpoint(unsigned.memberId(), unsigned.entries(), unsigned.headHash(), unsigned.headAt(),
                unsigned.verifiedAt(), unsigned.keyId(), signing.sign(unsigned.payload()));
    }

    /** Writes the filtered log as CSV, newest first; the export itself is logged first. */
    public void exportCsv(Caller caller, Filter filter, OutputStream out) throws IOException {
        requireOfficer(caller);
        accessLog.record(AccessLog.by(caller, "ACCESS_LOG_EXPORT", "ACCESS_LOG", caller.memberId(), null));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(RosterCanon.csvLine(List.of("seq", "at", "actor", "action", "outcome", "object_type", "object_id",
                "course_id", "client", "address", "hash")));
        Long before = null;
        while (true) {
            List<Entry> batch = repository.page(caller.memberId(), filter, before, EXPORT_BATCH);
            for (Entry e : batch) {
                List<String> values = new ArrayList<>();
                values.add(Long.toString(e.seq()));
                values.add(e.at().toString());
                values.add(safe(e.actorUsername()));
                values.add(e.action());
                values.add(e.outcome());
                values.add(safe(e.objectType()));
                values.add(safe(e.objectId()));
                values.add(safe(e.courseId()));
                values.add(safe(e.client()));
                values.add(safe(e.address()));
                values.add(e.hash());
                w.write(RosterCanon.csvLine(values));
            }
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            before = batch.getLast().seq();
        }
        w.flush();
    }

    /** A cell a spreadsheet would run as a formula, kept as text ({@link SpreadsheetCsv#guard}). */
    private static String safe(String s) {
        return SpreadsheetCsv.guard(s);
    }

    /** Refuses anyone but a security officer (403); the web layer asks before it spends an export budget. */
    public static void requireOfficer(Caller caller) {
        if (!caller.has(Role.SECURITY_OFFICER)) {
            throw PlatformException.forbidden("Only the Member's security officers read the access log.");
        }
    }

    private static long parseCursor(String cursor) {
        try {
            long v = Long.parseLong(cursor);
            if (v < 1) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST,
                    "The cursor is not valid for this list. Start again from the first page.");
        }
    }

    private static AccessLogEntryDto toDto(Entry e, AccessLogNames.Names names) {
        return new AccessLogEntryDto(e.seq(), e.at(), e.actorUsername(), e.action(), e.outcome(), e.objectType(),
                e.objectId(), e.courseId(), e.client(), e.address(), names.object(e.objectType(), e.objectId()),
                names.course(e.courseId()));
    }
}
