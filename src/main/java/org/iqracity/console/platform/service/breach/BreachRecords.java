package org.iqracity.console.platform.service.breach;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.SpreadsheetCsv;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.PublicSiteNoticeDto;
import org.iqracity.console.api.breach.RegulatorNotification;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.api.breach.SiteNoticeApproval;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.TimelineEntryDto;
import org.iqracity.console.documents.PdfBuilder;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.BreachRepository.IncidentRow;
import org.iqracity.console.platform.store.DeliveryRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.RecipientRepository;
import org.iqracity.console.platform.store.RecipientRepository.Addressee;

/** After approval: delivery records, in-doubt settling, letters, site notices and the record for the regulator. */
public final class BreachRecords {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final BreachService breaches;
    private final Jdbc jdbc;
    private final BreachRepository incidents;
    private final DeliveryRepository deliveries;
    private final RecipientRepository recipients;
    private final AccessLog accessLog;
    private final Runnable wakeSender;

    public BreachRecords(BreachService breaches, Jdbc jdbc, BreachRepository incidents, DeliveryRepository deliveries,
                         RecipientRepository recipients, AccessLog accessLog, Runnable wakeSender) {
        this.breaches = breaches;
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.accessLog = accessLog;
        this.wakeSender = wakeSender;
    }

    public Page<DeliveryDto> deliveries(Caller caller, String id, DeliveryStatus status, NoticeChannel channel,
                                        long afterId, int limit) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        List<DeliveryRepository.Row> rows = deliveries.page(row.id(), status, channel, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<DeliveryDto> items = rows.subList(0, Math.min(limit, rows.size())).stream().map(BreachRecords::dto)
                .toList();
        String next = more ? Long.toString(items.getLast().id()) : null;
        breaches.log(caller, "BREACH_DELIVERIES_VIEW", id);
        return new Page<>(items, next, deliveries.count(row.id(), status, channel));
    }

    public DeliveryDto resolve(Caller caller, String id, long deliveryId, DeliveryResolution resolution) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        if (resolution == null) {
            throw PlatformException.invalid("resolution", "Say DELIVERED or SEND_AGAIN.");
        }
        DeliveryRepository.Row before = deliveries.find(row.id(), deliveryId).orElseThrow(PlatformException::notFound);
        if (before.status() != DeliveryStatus.IN_DOUBT) {
            throw BreachService.stateConflict("Only a message in doubt can be settled; this one is "
                    + before.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
        }
        boolean delivered = resolution == DeliveryResolution.DELIVERED;
        jdbc.inTransaction(c -> {
            // Locked, so the sender cannot close the notice as sent between this and the message going back.
            incidents.lock(c, row.memberId(), row.id());
            if (!deliveries.resolve(c, row.id(), deliveryId, delivered, breaches.now())) {
                throw BreachService.stateConflict("Someone settled this message just now. Reload the deliveries.");
            }
            if (!delivered) {
                incidents.reopen(c, row.id());
            }
            incidents.event(c, row.id(), breaches.now(), caller.displayName(), "SETTLED", "Message " + deliveryId
                    + (delivered ? " confirmed delivered." : " queued again with its Message-ID."));
            return null;
        });
        accessLog.record(AccessLog.by(caller, "BREACH_SETTLE", "NOTICE_DELIVERY", Long.toString(deliveryId), null));
        wakeSender.run();
        return dto(deliveries.find(row.id(), deliveryId).orElseThrow());
    }

    /** One letter per learner who needs one, with their mailing address; then who could not be addressed. */
    public void letters(Caller caller, String id, OutputStream out) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        if (row.approvedAt() == null) {
            throw BreachService.stateConflict("Letters exist once the notice is approved.");
        }
        if (row.state() == IncidentState.CANCELLED) {
            throw BreachService.stateConflict("This notice was cancelled: its letters are not to be posted.");
        }
        String memberName = incidents.memberName(row.memberId()).orElse(row.memberId());
        NoticeTemplate.Facts facts = Rendered.facts(row, memberName);
        breaches.log(caller, "BREACH_LETTERS_DOWNLOAD", id);
        try (PdfBuilder pdf = new PdfBuilder("Breach notice letters: " + row.title())) {
            pdf.footer(memberName + " · notice of data breach").pageLabel((p, n) -> "sheet " + p + " of " + n);
            long after = 0;
            int letters = 0;
            while (true) {
                List<DeliveryRepository.Row> batch = deliveries.letters(row.id(), after, 500);
                if (batch.isEmpty()) {
                    break;
                }
                Map<String, Addressee> who = new HashMap<>();
                recipients.addressees(batch.stream().map(DeliveryRepository.Row::learnerId).toList())
                        .forEach(a -> who.put(a.learnerId(), a));
                for (DeliveryRepository.Row d : batch) {
                    letter(pdf, memberName, row, facts, who.get(d.learnerId()));
                    letters++;
                }
                after = batch.getLast().id();
            }
            long unaddressed = deliveries.count(row.id(), DeliveryStatus.UNREACHABLE, NoticeChannel.LETTER);
            pdf.pageBreak().heading("Letters that could not be addressed").paragraph(letters + " letters are in this "
                    + "file. " + unaddressed + " learners have a right to a written notice but no mailing address on "
                    + "file; they are listed as unreachable letters in the deliveries of this incident. Consider a "
                    + "substitute notice (the site notice and email) for them.");
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void letter(PdfBuilder pdf, String memberName, IncidentRow row, NoticeTemplate.Facts facts,
                               Addressee who) {
        Rendered r = Rendered.of(row.subject(), row.body(), facts, who);
        pdf.pageBreak().heading(memberName).paragraph(DAY.format(row.approvedAt()));
        String name = who.name() == null ? who.username() : who.name();
        pdf.paragraph(name + "\n" + (who.mailingAddress() == null ? "" : who.mailingAddress())).spacer();
        pdf.subheading(r.subject());
        for (NoticeTemplate.Block block : NoticeTemplate.blocks(r.body())) {
            if (block.heading()) {
                pdf.subheading(block.text());
            } else {
                pdf.paragraph(block.text());
            }
        }
    }

    /**
     * Files a site notice for a second officer to approve: it is seen by every learner of the Member, so one officer
     * alone never puts it up. Plain text only: the public endpoint serves it to sites that show it as it is.
     */
    public SiteNoticeDto proposeSiteNotice(Caller caller, String id, String title, String body) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        List<Problem.FieldError> errors = new ArrayList<>();
        checkSiteText(title, "title", 300, false, errors);
        checkSiteText(body, "body", 20000, true, errors);
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(errors);
        }
        if (row.state() == IncidentState.CANCELLED) {
            throw BreachService.stateConflict("This incident was cancelled; post no notice for it.");
        }
        Instant now = breaches.now();
        var notice = new BreachRepository.SiteNotice(Tokens.newId().substring(0, 20), row.memberId(), row.id(),
                title.strip(), body.strip(), null, caller.displayName(), null, caller.staffId(), now, null);
        jdbc.inTransaction(c -> {
            incidents.proposeSiteNotice(c, notice);
            incidents.event(c, row.id(), now, caller.displayName(), "SITE_NOTICE_PROPOSED",
                    "Site notice proposed for a second officer's approval: " + notice.title());
            return null;
        });
        breaches.log(caller, "BREACH_SITE_NOTICE_PROPOSE", id);
        return BreachService.siteNotice(caller, notice, incidents.memberName(row.memberId()).orElse(row.memberId()));
    }

    /** A second officer puts the proposal up, having read exactly its text (the fingerprint says so). */
    public SiteNoticeDto approveSiteNotice(Caller caller, String id, SiteNoticeApproval approval) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        BreachRepository.SiteNotice proposed = incidents.proposedSiteNotice(row.id())
                .orElseThrow(() -> BreachService.stateConflict("No site notice waits for approval on this incident."));
        if (caller.staffId().equals(proposed.proposedById())) {
            throw PlatformException.forbidden("You proposed this site notice; another security officer must approve "
                    + "it.");
        }
        if (approval == null || !BreachService.siteNoticeFingerprint(proposed.title(), proposed.body())
                .equals(approval.textFingerprint())) {
            throw new PlatformException(409, ProblemCode.VERSION_CONFLICT, "Not what you read",
                    "The site notice changed since you opened it. Reload it and read it again.", List.of(), null);
        }
        Instant now = breaches.now();
        boolean up = jdbc.inTransaction(c -> {
            boolean ok = incidents.approveSiteNotice(c, row.id(), proposed.id(), caller.displayName(), now);
            if (ok) {
                incidents.event(c, row.id(), now, caller.displayName(), "SITE_NOTICE_POSTED",
                        "Site notice up for every learner of the Member, proposed by " + proposed.postedBy()
                                + ": " + proposed.title());
            }
            return ok;
        });
        if (!up) {
            throw BreachService.stateConflict("Someone else acted on this site notice just now. Reload it.");
        }
        breaches.log(caller, "BREACH_SITE_NOTICE_POST", id);
        return incidents.currentSiteNotice(row.id()).map(n -> BreachService.siteNotice(caller, n,
                incidents.memberName(row.memberId()).orElse(row.memberId()))).orElseThrow();
    }

    private static void checkSiteText(String value, String field, int max, boolean lines,
                                      List<Problem.FieldError> errors) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.add(new Problem.FieldError(field, String.format(Locale.ROOT, "Give a %s of up to %,d characters.",
                    field.equals("title") ? "title" : "text", max)));
        } else if (BreachService.hasControl(value, lines)) {
            errors.add(new Problem.FieldError(field, BreachService.CONTROL_CHARACTER));
        } else if (MARKUP.matcher(value).find()) {
            errors.add(new Problem.FieldError(field, "Write plain text: sites show the notice exactly as written, so "
                    + "markup such as <b> or <a href> would appear as it is typed."));
        }
    }

    /** An HTML or XML tag, comment or declaration: {@code <b>}, {@code </p>}, {@code <!-- }. */
    private static final Pattern MARKUP = Pattern.compile("<[!/?a-zA-Z]");

    /** Takes the notice down and discards a proposal waiting for approval. */
    public void withdrawSiteNotice(Caller caller, String id) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        boolean withdrawn = jdbc.inTransaction(c -> {
            boolean any = incidents.withdrawSiteNotice(c, row.id(), breaches.now());
            if (any) {
                incidents.event(c, row.id(), breaches.now(), caller.displayName(), "SITE_NOTICE_WITHDRAWN",
                        "Site notice withdrawn.");
            }
            return any;
        });
        if (!withdrawn) {
            throw PlatformException.notFound();
        }
        breaches.log(caller, "BREACH_SITE_NOTICE_WITHDRAW", id);
    }

    /** What learners see on the site: public, so it holds what the officers wrote for the public and nothing else. */
    /**
     * Records that the supervisory authority was told (the regulator's 72-hour clock stops at that moment): once per
     * incident, by one of the Member's officers, in any state (the authority is often told before learners are).
     */
    public IncidentDto recordRegulatorNotification(Caller caller, String id, RegulatorNotificationRequest request) {
        BreachService.requireOfficer(caller);
        IncidentRow row = breaches.visible(caller, id);
        if (request == null) {
            throw PlatformException.invalid("body", "Send when, which authority and its reference as JSON.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.notifiedAt() == null) {
            errors.add(new Problem.FieldError("notifiedAt", "Say when the authority was notified."));
        } else {
            breaches.checkDate(request.notifiedAt(), "notifiedAt", "The notification", errors);
            if (errors.isEmpty() && request.notifiedAt().isBefore(row.discoveredAt())) {
                errors.add(new Problem.FieldError("notifiedAt", "The authority cannot have been notified before the "
                        + "breach was discovered (" + MINUTE.format(row.discoveredAt()) + ")."));
            }
        }
        String authority = BreachService.text(request.authority(), "authority", 300, true, errors);
        String reference = BreachService.text(request.reference(), "reference", 200, false, errors);
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(errors);
        }
        Instant now = breaches.now();
        Instant at = request.notifiedAt().truncatedTo(ChronoUnit.MICROS);
        var notice = new BreachRepository.RegulatorNotice(row.id(), at, authority, reference == null ? "" : reference,
                caller.staffId(), caller.displayName(), now);
        boolean recorded = jdbc.inTransaction(c -> {
            incidents.lock(c, row.memberId(), row.id()).orElseThrow(PlatformException::notFound);
            if (!incidents.recordRegulatorNotice(c, notice)) {
                return false;
            }
            incidents.event(c, row.id(), now, caller.displayName(), "REGULATOR_NOTIFIED", authority
                    + " notified on " + MINUTE.format(at) + (notice.reference().isEmpty() ? ""
                    : " (reference " + notice.reference() + ")") + ".");
            return true;
        });
        if (!recorded) {
            BreachRepository.RegulatorNotice earlier = incidents.regulatorNotice(row.id()).orElseThrow();
            throw BreachService.stateConflict("That the authority was notified is already on record (by "
                    + earlier.recordedByName() + ", " + MINUTE.format(earlier.recordedAt()) + "); the record stays "
                    + "as it was made.");
        }
        breaches.log(caller, "BREACH_REGULATOR_NOTIFIED", id);
        return breaches.get(caller, id);
    }

    public List<PublicSiteNoticeDto> publicSiteNotices(String memberId) {
        if (memberId == null || memberId.length() > 64) {
            return List.of();
        }
        String name = incidents.memberName(memberId).orElse(null);
        if (name == null) {
            return List.of();
        }
        return incidents.liveSiteNotices(memberId).stream()
                .map(n -> new PublicSiteNoticeDto(name, n.title(), n.body(), n.postedAt())).toList();
    }

    /** The whole record for the regulator's file: facts, timeline, notice text, counts and every delivery. */
    public void recordCsv(Caller caller, String id, OutputStream out) {
        IncidentDto incident = breaches.get(caller, id);
        breaches.log(caller, "BREACH_RECORD_EXPORT", id);
        try {
            write(out, SpreadsheetCsv.line(List.of("section", "field", "value")));
            for (String[] kv : facts(incident)) {
                write(out, SpreadsheetCsv.line(List.of("incident", kv[0], kv[1])));
            }
            for (TimelineEntryDto t : incident.timeline()) {
                write(out, SpreadsheetCsv.line(List.of("timeline", t.at().toString(),
                        t.actor() + ": " + t.step()
                        + (t.detail() == null ? "" : " — " + t.detail()))));
            }
            write(out, SpreadsheetCsv.line(List.of("delivery_id", "learner_id", "channel", "status", "attempts",
                    "last_attempt_at", "sent_at", "jurisdiction", "message_id", "error")));
            deliveries.forEach(incident.id(), d -> {
                try {
                    write(out, SpreadsheetCsv.line(List.of(Long.toString(d.id()), d.learnerId(),
                            d.channel().name(),
                            d.status().name(), Integer.toString(d.attempts()), str(d.lastAttemptAt()), str(d.sentAt()),
                            nz(d.jurisdiction()), d.messageId(), nz(d.error()))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void recordPdf(Caller caller, String id, OutputStream out) {
        IncidentDto incident = breaches.get(caller, id);
        breaches.log(caller, "BREACH_RECORD_EXPORT", id);
        try (PdfBuilder pdf = new PdfBuilder("Breach record: " + incident.title())) {
            pdf.footer("Breach record " + incident.id());
            pdf.heading("Breach record: " + incident.title());
            for (String[] kv : facts(incident)) {
                pdf.keyValue(kv[0], kv[1]);
            }
            var p = incident.progress();
            pdf.subheading("Deliveries");
            pdf.table(List.of("recipients", "emails sent", "retrying", "failed", "in doubt", "cancelled",
                    "unreachable", "letters"), List.of(List.of(Long.toString(incident.recipientCount()),
                    Long.toString(p.sent()), Long.toString(p.retrying()), Long.toString(p.failed()),
                    Long.toString(p.inDoubt()), Long.toString(p.cancelled()), Long.toString(p.unreachable()),
                    Long.toString(p.lettersReady()))));
            pdf.paragraph("Every delivery record, learner by learner, is in the CSV export of this record.");
            pdf.subheading("Timeline");
            pdf.table(List.of("when", "who", "step", "detail"), incident.timeline().stream().map(t -> List.of(
                    MINUTE.format(t.at()), t.actor(), t.step(), nz(t.detail()))).toList());
            pdf.subheading("Notice text (template)");
            pdf.keyValue("Subject", incident.subject());
            pdf.paragraph(incident.body());
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String[]> facts(IncidentDto i) {
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"Incident", i.id()});
        kv.add(new String[] {"Title", i.title()});
        kv.add(new String[] {"State", i.state().name()});
        kv.add(new String[] {"Discovered", MINUTE.format(i.discoveredAt())});
        kv.add(new String[] {"Regulator deadline (72 h)", MINUTE.format(i.regulatorDeadline())});
        RegulatorNotification told = i.regulatorNotification();
        if (told == null) {
            kv.add(new String[] {"Supervisory authority notified", "not recorded"});
        } else {
            kv.add(new String[] {"Supervisory authority notified", MINUTE.format(told.notifiedAt()) + " — "
                    + told.authority() + (told.reference().isEmpty() ? "" : ", reference " + told.reference())
                    + (told.notifiedAt().isAfter(i.regulatorDeadline()) ? " (after the 72-hour deadline)"
                    : " (within 72 hours)") + "; recorded by " + told.recordedBy() + " on "
                    + MINUTE.format(told.recordedAt())});
        }
        kv.add(new String[] {"Occurred", NoticeTemplate.occurred(i.occurredFrom(), i.occurredTo())});
        kv.add(new String[] {"What happened", i.whatHappened()});
        kv.add(new String[] {"Data involved", String.join(", ", i.dataCategories().stream().map(Enum::name).toList())});
        kv.add(new String[] {"Systems", i.systems()});
        kv.add(new String[] {"Measures", i.measures()});
        kv.add(new String[] {"What learners can do", i.learnerActions()});
        kv.add(new String[] {"Contact", i.contact()});
        kv.add(new String[] {"Author", i.createdBy()});
        kv.add(new String[] {"Approved by", nz(i.approvedBy())});
        kv.add(new String[] {"Text fingerprint", nz(i.textFingerprint())});
        kv.add(new String[] {"Recipients fingerprint", nz(i.recipientsFingerprint())});
        kv.add(new String[] {"Learners affected", Long.toString(i.recipientCount())});
        return kv;
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.UTF_8));
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static DeliveryDto dto(DeliveryRepository.Row d) {
        return new DeliveryDto(d.id(), d.learnerId(), d.username(), d.channel(), d.status(), d.attempts(),
                d.lastAttemptAt(), d.sentAt(), d.error(), d.messageId(), d.jurisdiction());
    }

}
