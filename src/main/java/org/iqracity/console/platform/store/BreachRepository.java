package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.NoticeChannel;

/** Incidents, their timeline and site notices. Deliveries live in {@link DeliveryRepository}. */
public final class BreachRepository {
    private final Jdbc jdbc;

    public BreachRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** An incident as stored; {@code scopeJson} is the scope the officer defined. */
    public record IncidentRow(String id, String memberId, long version, IncidentState state, String title,
                              Instant discoveredAt, Instant occurredFrom, Instant occurredTo, String whatHappened,
                              String dataCategories, String systems, String measures, String learnerActions,
                              String contact, String scopeJson, String subject, String body, String createdById,
                              String createdByName, Instant createdAt, String submittedById, String submittedByName,
                              Instant submittedAt, String approvedById, String approvedByName, Instant approvedAt,
                              String textFingerprint, String recipientsFingerprint, long recipientCount) {
    }

    /** The fields an officer edits in a draft. */
    public record Draft(String title, Instant discoveredAt, Instant occurredFrom, Instant occurredTo,
                        String whatHappened, String dataCategories, String systems, String measures,
                        String learnerActions, String contact, String scopeJson, String subject, String body) {
    }

    private static final String COLUMNS = "id, member_id, version, state, title, discovered_at, occurred_from, "
            + "occurred_to, what_happened, data_categories, systems, measures, learner_actions, contact, scope, "
                    + "subject, "
            + "body, created_by_id, created_by_name, created_at, submitted_by_id, submitted_by_name, submitted_at, "
            + "approved_by_id, approved_by_name, approved_at, text_fingerprint, recipients_fingerprint, "
                    + "recipient_count";

    public void insert(Connection c, String id, String memberId, Draft d, String actorId, String actorName,
                       Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO incident (id, member_id, version, state, title, discovered_at, occurred_from, "
                + "occurred_to, what_happened, data_categories, systems, measures, learner_actions, contact, scope, "
                + "subject, body, created_by_id, created_by_name, created_at, recipient_count) "
                + "VALUES (?, ?, 1, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", id, memberId,
                d.title(), d.discoveredAt(), d.occurredFrom(), d.occurredTo(), d.whatHappened(), d.dataCategories(),
                d.systems(), d.measures(), d.learnerActions(), d.contact(), d.scopeJson(), d.subject(), d.body(),
                actorId, actorName, at);
    }

    /** Records that this staff member wrote part of the notice (created, changed or submitted it); once is enough. */
    public void contributed(Connection c, String incidentId, String staffId) throws SQLException {
        Jdbc.update(c, "INSERT INTO incident_contributor (incident_id, staff_id) SELECT ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM incident_contributor WHERE incident_id = ? AND staff_id = ?)", incidentId, staffId,
                incidentId, staffId);
    }

    /** Whether this staff member wrote any part of the notice. */
    public boolean isContributor(Connection c, String incidentId, String staffId) throws SQLException {
        return !Jdbc.query(c, "SELECT 1 FROM incident_contributor WHERE incident_id = ? AND staff_id = ?",
                rs -> 1, incidentId, staffId).isEmpty();
    }

    /** Saves a draft if it is still a draft at {@code expectedVersion}; false otherwise. */
    public boolean updateDraft(Connection c, String id, String memberId, long expectedVersion, Draft d)
            throws SQLException {
        return Jdbc.update(c, "UPDATE incident SET version = version + 1, title = ?, discovered_at = ?, "
                + "occurred_from = ?, occurred_to = ?, what_happened = ?, data_categories = ?, systems = ?, measures "
                        + "= ?, "
                + "learner_actions = ?, contact = ?, scope = ?, subject = ?, body = ? "
                + "WHERE id = ? AND member_id = ? AND version = ? AND state = 'DRAFT'", d.title(), d.discoveredAt(),
                d.occurredFrom(), d.occurredTo(), d.whatHappened(), d.dataCategories(), d.systems(), d.measures(),
                d.learnerActions(), d.contact(), d.scopeJson(), d.subject(), d.body(), id, memberId,
                expectedVersion) == 1;
    }

    public Optional<IncidentRow> find(String memberId, String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM incident WHERE id = ? AND member_id = ?",
                BreachRepository::incident, id, memberId);
    }

    /** Reads and locks the incident for a state change in {@code c}. */
    public Optional<IncidentRow> lock(Connection c, String memberId, String id) throws SQLException {
        List<IncidentRow> rows = Jdbc.query(c, "SELECT " + COLUMNS + " FROM incident WHERE id = ? AND member_id = ? "
                + "FOR UPDATE", BreachRepository::incident, id, memberId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    public List<IncidentRow> list(String memberId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM incident WHERE member_id = ? ORDER BY created_at DESC, id",
                BreachRepository::incident, memberId);
    }

    /** Incidents of every Member that are sending now: what the sender works through. */
    public List<IncidentRow> sending() {
        return jdbc.query("SELECT " + COLUMNS + " FROM incident WHERE state = 'SENDING' ORDER BY approved_at, id",
                BreachRepository::incident);
    }

    public void setState(Connection c, String id, IncidentState state) throws SQLException {
        Jdbc.update(c, "UPDATE incident SET state = ?, version = version + 1 WHERE id = ?", state, id);
    }

    /** Moves from {@code from} to {@code to}; false when the incident was no longer in {@code from}. */
    public boolean transition(Connection c, String id, IncidentState from, IncidentState to) throws SQLException {
        return Jdbc.update(c, "UPDATE incident SET state = ?, version = version + 1 WHERE id = ? AND state = ?", to, id,
                from) == 1;
    }

    /** A sent notice with work again (a retried or resent message) is sending again. */
    public void reopen(Connection c, String id) throws SQLException {
        Jdbc.update(c, "UPDATE incident SET state = 'SENDING', version = version + 1 WHERE id = ? AND state = 'SENT'",
                id);
    }

    public void submitted(Connection c, String id, String actorId, String actorName, Instant at, String textPrint,
                          String recipientsPrint, long recipients) throws SQLException {
        Jdbc.update(c, "UPDATE incident SET state = 'SUBMITTED', version = version + 1, submitted_by_id = ?, "
                + "submitted_by_name = ?, submitted_at = ?, text_fingerprint = ?, recipients_fingerprint = ?, "
                + "recipient_count = ? WHERE id = ?", actorId, actorName, at, textPrint, recipientsPrint, recipients,
                        id);
    }

    public void returned(Connection c, String id) throws SQLException {
        Jdbc.update(c, "UPDATE incident SET state = 'DRAFT', version = version + 1, submitted_by_id = NULL, "
                + "submitted_by_name = NULL, submitted_at = NULL, text_fingerprint = NULL, "
                + "recipients_fingerprint = NULL, recipient_count = 0 WHERE id = ?", id);
    }

    public void approved(Connection c, String id, String actorId, String actorName, Instant at) throws SQLException {
        Jdbc.update(c, "UPDATE incident SET state = 'APPROVED', version = version + 1, approved_by_id = ?, "
                + "approved_by_name = ?, approved_at = ? WHERE id = ?", actorId, actorName, at, id);
    }

    // --- timeline -------------------------------------------------------------------------------------------------

    public record Event(Instant at, String actor, String step, String detail) {
    }

    public void event(Connection c, String incidentId, Instant at, String actor, String step, String detail)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO incident_event (incident_id, seq, at, actor_name, step, detail) "
                + "SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM incident_event WHERE incident_id = ?",
                incidentId, at, actor, step, detail, incidentId);
    }

    public void event(String incidentId, Instant at, String actor, String step, String detail) {
        jdbc.inTransaction(c -> {
            event(c, incidentId, at, actor, step, detail);
            return null;
        });
    }

    public List<Event> timeline(String incidentId) {
        return jdbc.query("SELECT at, actor_name, step, detail FROM incident_event WHERE incident_id = ? ORDER BY seq",
                rs -> new Event(Jdbc.instant(rs, "at"), rs.getString(2), rs.getString(3), rs.getString(4)),
                incidentId);
    }

    // --- site notices ---------------------------------------------------------------------------------------------

    /**
     * A site notice: proposed by one officer ({@code postedAt} null), up once a second officer approved its text,
     * down once withdrawn (a proposal replaced or discarded is withdrawn without ever having been up).
     */
    public record SiteNotice(String id, String memberId, String incidentId, String title, String body,
                             Instant postedAt, String postedBy, Instant withdrawnAt, String proposedById,
                             Instant proposedAt, String approvedBy) {
    }

    private static final String SITE = "SELECT id, member_id, incident_id, title, body, posted_at, posted_by_name, "
            + "withdrawn_at, proposed_by_id, proposed_at, approved_by_name FROM site_notice ";

    /** Files a proposal; an earlier proposal of the incident that was never approved is discarded. */
    public void proposeSiteNotice(Connection c, SiteNotice n) throws SQLException {
        Jdbc.update(c, "UPDATE site_notice SET withdrawn_at = ? WHERE incident_id = ? AND posted_at IS NULL "
                + "AND withdrawn_at IS NULL", n.proposedAt(), n.incidentId());
        Jdbc.update(c, "INSERT INTO site_notice (id, member_id, incident_id, title, body, posted_by_name, "
                + "proposed_by_id, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", n.id(), n.memberId(), n.incidentId(),
                n.title(), n.body(), n.postedBy(), n.proposedById(), n.proposedAt());
    }

    /** Puts the proposal up in place of the notice that was up; false if it is no longer the open proposal. */
    public boolean approveSiteNotice(Connection c, String incidentId, String id, String approver, Instant at)
            throws SQLException {
        Jdbc.update(c, "UPDATE site_notice SET withdrawn_at = ? WHERE incident_id = ? AND posted_at IS NOT NULL "
                + "AND withdrawn_at IS NULL", at, incidentId);
        return Jdbc.update(c, "UPDATE site_notice SET posted_at = ?, approved_by_name = ? WHERE id = ? "
                + "AND incident_id = ? AND posted_at IS NULL AND withdrawn_at IS NULL", at, approver, id,
                incidentId) == 1;
    }

    /** Takes down the notice that is up and discards an open proposal; false when there was neither. */
    public boolean withdrawSiteNotice(Connection c, String incidentId, Instant at) throws SQLException {
        return Jdbc.update(c, "UPDATE site_notice SET withdrawn_at = ? WHERE incident_id = ? AND withdrawn_at IS NULL",
                at, incidentId) > 0;
    }

    /** The notice that is up for this incident, if any. */
    public Optional<SiteNotice> currentSiteNotice(String incidentId) {
        return jdbc.queryOne(SITE + "WHERE incident_id = ? AND posted_at IS NOT NULL AND withdrawn_at IS NULL",
                BreachRepository::site, incidentId);
    }

    /** The proposal waiting for a second officer, if any. */
    public Optional<SiteNotice> proposedSiteNotice(String incidentId) {
        return jdbc.queryOne(SITE + "WHERE incident_id = ? AND posted_at IS NULL AND withdrawn_at IS NULL",
                BreachRepository::site, incidentId);
    }

    public List<SiteNotice> liveSiteNotices(String memberId) {
        return jdbc.query(SITE + "WHERE member_id = ? AND posted_at IS NOT NULL AND withdrawn_at IS NULL "
                + "ORDER BY posted_at DESC", BreachRepository::site, memberId);
    }

    /** That the supervisory authority was told of the incident: when, which authority, its reference, who said so. */
    public record RegulatorNotice(String incidentId, Instant notifiedAt, String authority, String reference,
                                  String recordedById, String recordedByName, Instant recordedAt) {
    }

    private static final String REGULATOR = "SELECT incident_id, notified_at, authority, reference, recorded_by_id, "
            + "recorded_by_name, recorded_at FROM regulator_notification ";

    /** Records the notification once; false when the incident already has one. Run with the incident locked. */
    public boolean recordRegulatorNotice(Connection c, RegulatorNotice n) throws SQLException {
        return Jdbc.update(c, "INSERT INTO regulator_notification (incident_id, notified_at, authority, reference, "
                + "recorded_by_id, recorded_by_name, recorded_at) SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                + "(SELECT 1 FROM regulator_notification WHERE incident_id = ?)", n.incidentId(), n.notifiedAt(),
                n.authority(), n.reference(), n.recordedById(), n.recordedByName(), n.recordedAt(),
                n.incidentId()) == 1;
    }

    public Optional<RegulatorNotice> regulatorNotice(String incidentId) {
        return jdbc.queryOne(REGULATOR + "WHERE incident_id = ?", BreachRepository::regulator, incidentId);
    }

    /** When the authority was told, per incident of the Member, for the list's clocks. */
    public Map<String, Instant> regulatorNotified(String memberId) {
        Map<String, Instant> out = new HashMap<>();
        jdbc.query("SELECT r.incident_id, r.notified_at FROM regulator_notification r JOIN incident i "
                + "ON i.id = r.incident_id WHERE i.member_id = ?", rs -> out.put(rs.getString(1),
                Jdbc.instant(rs, 2)), memberId);
        return out;
    }

    private static RegulatorNotice regulator(ResultSet rs) throws SQLException {
        return new RegulatorNotice(rs.getString(1), Jdbc.instant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), Jdbc.instant(rs, 7));
    }

    /** A message telling a security officer that a notice waits for their approval. */
    public record OfficerAlert(long id, String address, String subject, String body, String messageId, int attempts) {
    }

    /**
     * Queues a message for each of the Member's active security officers with an email address who may approve the
     * notice: not the submitter, not anyone who wrote part of it.
     */
    public int alertApprovers(Connection c, String incidentId, String memberId, String submitterId, String subject,
                              String body, String messageIdPrefix, String domain, Instant at) throws SQLException {
        return Jdbc.update(c, "INSERT INTO officer_alert (incident_id, staff_id, address, subject, body, message_id, "
                + "created_at, attempts, next_attempt_at) SELECT ?, s.id, s.email, ?, ?, CAST(? AS VARCHAR(100)) || "
                        + "s.id "
                + "|| CAST(? AS VARCHAR(100)), ?, 0, ? FROM staff s JOIN staff_role r ON r.staff_id = s.id AND r.role "
                        + "= "
                + "'SECURITY_OFFICER' WHERE s.member_id = ? AND s.status = 'ACTIVE' AND s.email IS NOT NULL "
                + "AND s.id <> ? AND NOT EXISTS (SELECT 1 FROM incident_contributor ic WHERE ic.incident_id = ? "
                + "AND ic.staff_id = s.id)", incidentId, subject, body, "<" + messageIdPrefix + ".", "@" + domain + ">",
                at, at, memberId, submitterId, incidentId);
    }

    /** Alerts not yet taken by the mail server whose next attempt is due. */
    public List<OfficerAlert> dueAlerts(Instant now, int max) {
        return jdbc.query("SELECT id, address, subject, body, message_id, attempts FROM officer_alert "
                + "WHERE sent_at IS NULL AND attempts < 8 AND next_attempt_at <= ? ORDER BY id FETCH FIRST " + max
                        + " ROWS ONLY",
                rs -> new OfficerAlert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6)), now);
    }

    /** Takes the next attempt of an alert (false if another sender took it first), pushing the one after out. */
    public boolean claimAlert(OfficerAlert a, Instant retryAt) {
        return jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE officer_alert SET attempts = attempts + 1, "
                + "next_attempt_at = ? WHERE id = ? AND sent_at IS NULL AND attempts = ?", retryAt, a.id(),
                a.attempts()) == 1);
    }

    public void alertSent(long id, Instant at) {
        jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE officer_alert SET sent_at = ?, error = NULL WHERE id = ?", at,
                id));
    }

    /** Not sent: tried again at {@code nextAttemptAt} (already set by the claim), or never when the server refused. */
    public void alertNotSent(long id, String error, boolean giveUp) {
        jdbc.inTransaction(c -> Jdbc.update(c, "UPDATE officer_alert SET error = ?" + (giveUp
                ? ", attempts = 1000" : "") + " WHERE id = ?", error, id));
    }

    public Optional<String> memberName(String memberId) {
        return jdbc.queryOne("SELECT name FROM member WHERE id = ?", rs -> rs.getString(1), memberId);
    }

    private static SiteNotice site(ResultSet rs) throws SQLException {
        return new SiteNotice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Jdbc.instant(rs, "posted_at"), rs.getString(7), Jdbc.instant(rs, "withdrawn_at"), rs.getString(9),
                Jdbc.instant(rs, "proposed_at"), rs.getString(11));
    }

    private static IncidentRow incident(ResultSet rs) throws SQLException {
        return new IncidentRow(rs.getString("id"), rs.getString("member_id"), rs.getLong("version"),
                IncidentState.valueOf(rs.getString("state")), rs.getString("title"),
                Jdbc.instant(rs, "discovered_at"), Jdbc.instant(rs, "occurred_from"), Jdbc.instant(rs, "occurred_to"),
                rs.getString("what_happened"), rs.getString("data_categories"), rs.getString("systems"),
                rs.getString("measures"), rs.getString("learner_actions"), rs.getString("contact"),
                rs.getString("scope"), rs.getString("subject"), rs.getString("body"), rs.getString("created_by_id"),
                rs.getString("created_by_name"), Jdbc.instant(rs, "created_at"), rs.getString("submitted_by_id"),
                rs.getString("submitted_by_name"), Jdbc.instant(rs, "submitted_at"), rs.getString("approved_by_id"),
                rs.getString("approved_by_name"), Jdbc.instant(rs, "approved_at"), rs.getString("text_fingerprint"),
                rs.getString("recipients_fingerprint"), rs.getLong("recipient_count"));
    }

    /** Counts of an incident's deliveries by channel and status. */
    public Map<NoticeChannel, Map<DeliveryStatus, Long>> deliveryCounts(String incidentId) {
        Map<NoticeChannel, Map<DeliveryStatus, Long>> out = new EnumMap<>(NoticeChannel.class);
        jdbc.query("SELECT channel, status, COUNT(*) FROM notice_delivery WHERE incident_id = ? GROUP BY channel, "
                + "status",
                rs -> out.computeIfAbsent(NoticeChannel.valueOf(rs.getString(1)),
                        k -> new EnumMap<>(DeliveryStatus.class))
                        .put(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3)), incidentId);
        return out;
    }

}
