package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
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
            + "occurred_to, what_happened, data_categories, systems, measures, learner_actions, contact, scope, subject, "
            + "body, created_by_id, created_by_name, created_at, submitted_by_id, submitted_by_name, submitted_at, "
            + "approved_by_id, approved_by_name, approved_at, text_fingerprint, recipients_fingerprint, recipient_count";

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
                + "occurred_from = ?, occurred_to = ?, what_happened = ?, data_categories = ?, systems = ?, measures = ?, "
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
                + "recipient_count = ? WHERE id = ?", actorId, actorName, at, textPrint, recipientsPrint, recipients, id);
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
        jdbc.query("SELECT channel, status, COUNT(*) FROM notice_delivery WHERE incident_id = ? GROUP BY channel, status",
                rs -> out.computeIfAbsent(NoticeChannel.valueOf(rs.getString(1)), k -> new EnumMap<>(DeliveryStatus.class))
                        .put(DeliveryStatus.valueOf(rs.getString(2)), rs.getLong(3)), incidentId);
        return out;
    }

}
