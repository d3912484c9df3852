package org.iqracity.console.ui.accesslog;

import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.ui.common.Messages;

/** The platform's action codes in words a security officer reads at a glance ("Viewed a learner"). */
public final class AccessLogWords {

    /** The actions the platform records today, in the order the filter offers them. */
    public static final List<String> ACTIONS = List.of("SIGN_IN", "SIGN_OUT", "LEARNER_LIST", "LEARNER_SEARCH",
            "LEARNER_VIEW", "ROSTER_EXPORT", "RESEARCH_EXPORT", "TRACKING_UPDATE", "TRACKING_REVERT",
                    "SPONSOR_REPORT_VIEW",
            "SPONSOR_REPORT_RELEASE", "SPONSOR_REPORT_DOWNLOAD", "ACCESS_LOG_READ", "ACCESS_LOG_VERIFY",
            "ACCESS_LOG_EXPORT", "ROSTER_CONVERT", "ACCESS_FORBIDDEN", "ACCESS_NOT_FOUND", "BREACH_CREATE",
            "BREACH_EDIT", "BREACH_SUBMIT", "BREACH_RETURN", "BREACH_APPROVE", "BREACH_SEND", "BREACH_SENT",
            "BREACH_CANCEL", "BREACH_SCOPE_PREVIEW", "BREACH_NOTICE_PREVIEW", "BREACH_DELIVERIES_VIEW",
            "BREACH_RETRY", "BREACH_SETTLE", "BREACH_LETTERS_DOWNLOAD", "BREACH_RECORD_EXPORT",
            "BREACH_SITE_NOTICE_PROPOSE", "BREACH_SITE_NOTICE_POST", "BREACH_SITE_NOTICE_WITHDRAW",
            "BREACH_REGULATOR_NOTIFIED", "INSIGHTS_VIEW", "SIGN_IN_LOCKED");

    private final Messages messages;

    public AccessLogWords(Messages messages) {
        this.messages = messages;
    }

    /** The action as a filter choice; an action this console does not know yet reads as its code, tidied. */
    public String action(String code) {
        if (code == null) {
            return messages.get("accessLog.filter.anyAction");
        }
        String words = messages.get("accessLog.action." + code);
        return words.startsWith("!") ? tidy(code) : words;
    }

    /** What happened in this entry: a failed sign-in is told apart from a successful one. */
    public String action(AccessLogEntryDto entry) {
        if ("SIGN_IN".equals(entry.action()) && !"SUCCESS".equals(entry.outcome())) {
            return messages.get("accessLog.action.SIGN_IN.failed");
        }
        return action(entry.action());
    }

    public String outcome(String outcome) {
        if (outcome == null) {
            return "";
        }
        String words = messages.get("accessLog.outcome." + outcome);
        return words.startsWith("!") ? tidy(outcome) : words;
    }

    /**
     * "Learner jchen42": the kind of object and the name the officer knows it by (a username, a sponsor's name, a
     * title); its id where the platform gave no name.
     */
    public String object(AccessLogEntryDto entry) {
        String known = entry.objectName() != null ? entry.objectName() : entry.objectId();
        if (entry.objectType() == null) {
            return known == null ? "" : known;
        }
        return known == null ? kind(entry.objectType()) : kind(entry.objectType()) + " " + known;
    }

    /** The course's title; its id where the platform gave no title. */
    public String course(AccessLogEntryDto entry) {
        return entry.courseTitle() != null ? entry.courseTitle() : entry.courseId() == null ? "" : entry.courseId();
    }

    public String kind(String objectType) {
        String kind = messages.get("accessLog.object." + objectType);
        return kind.startsWith("!") ? tidy(objectType) : kind;
    }

    private static String tidy(String code) {
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
