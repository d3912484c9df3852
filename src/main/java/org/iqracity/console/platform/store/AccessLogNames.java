package org.iqracity.console.platform.store;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names an officer knows the objects of a page of the access log by: a staff member's username, a learner's
 * username (a retired account's placeholder, R6), a sponsor's name, a course's title, an incident's title, a release's
 * sponsor and course, the Member's own name for its log. Each is
 * looked up within the reading Member only: a learner is named only if enrolled with it (R2), a sponsor only if it
 * sponsors someone there, so an entry never names what the Member could not see otherwise (R1). The log itself keeps
 * ids: names change, and the hash chain covers what was written.
 */
public final class AccessLogNames {
    private final Jdbc jdbc;

    AccessLogNames(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A page's names, by object type and id, and courses' titles by id. */
    public record Names(Map<String, Map<String, String>> objects, Map<String, String> courses) {
        public String object(String type, String id) {
            return type == null || id == null ? null : objects.getOrDefault(type, Map.of()).get(id);
        }

        public String course(String id) {
            return id == null ? null : courses.get(id);
        }
    }

    public Names of(String memberId, List<AccessLogRepository.Entry> entries) {
        Map<String, Set<String>> ids = new HashMap<>();
        Set<String> courseIds = new LinkedHashSet<>();
        for (AccessLogRepository.Entry e : entries) {
            if (e.objectType() != null && e.objectId() != null) {
                ids.computeIfAbsent(e.objectType(), k -> new LinkedHashSet<>()).add(e.objectId());
            }
            if (e.courseId() != null) {
                courseIds.add(e.courseId());
            }
        }
        courseIds.addAll(ids.getOrDefault("COURSE", Set.of()));
        Map<String, String> courses = lookup("SELECT id, title FROM course WHERE member_id = ? AND id IN ", memberId,
                courseIds);
        Map<String, Map<String, String>> objects = new HashMap<>();
        objects.put("COURSE", courses);
        objects.put("STAFF", lookup("SELECT id, username FROM staff WHERE member_id = ? AND id IN ", memberId,
                ids.get("STAFF")));
        objects.put("LEARNER", lookup("SELECT l.id, l.username FROM learner l WHERE EXISTS (SELECT 1 FROM enrollment e "
                + "WHERE e.learner_id = l.id AND e.member_id = ?) AND l.id IN ", memberId, ids.get("LEARNER")));
        objects.put("SPONSOR", lookup("SELECT s.id, s.name FROM sponsor s WHERE EXISTS (SELECT 1 FROM enrollment e "
                + "WHERE e.sponsor_id = s.id AND e.member_id = ?) AND s.id IN ", memberId, ids.get("SPONSOR")));
        objects.put("INCIDENT", lookup("SELECT id, title FROM incident WHERE member_id = ? AND id IN ", memberId,
                ids.get("INCIDENT")));
        objects.put("ACCESS_LOG", lookup("SELECT id, name FROM member WHERE id = ? AND id IN ", memberId,
                ids.get("ACCESS_LOG")));
        objects.put("SPONSOR_RELEASE", lookup("SELECT r.id, s.name || ' \u00b7 ' || c.title FROM sponsor_release r "
                + "JOIN sponsor s ON s.id = r.sponsor_id "
                + "JOIN course c ON c.id = r.course_id AND c.member_id = r.member_id WHERE r.member_id = ? AND r.id "
                        + "IN ", memberId, ids.get("SPONSOR_RELEASE")));
        return new Names(objects, courses);
    }

    private Map<String, String> lookup(String sqlUpToIn, String memberId, Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        Object[] params = new Object[ids.size() + 1];
        params[0] = memberId;
        int i = 1;
        for (String id : ids) {
            params[i++] = id;
        }
        String sql = sqlUpToIn + "(" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        jdbc.query(sql, rs -> names.put(rs.getString(1), rs.getString(2)), params);
        return names;
    }
}
