package org.iqracity.console.ui.breach;

import java.time.Clock;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.client.BreachClient;
import org.iqracity.console.client.CoursesClient;
import org.iqracity.console.client.Versioned;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.CourseList;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.FileOpener;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/**
 * What the parts of the breach screen share: the incident open now with its entity tag, the one line of news above
 * it, and the means every part uses (tasks, words, dialogs, the desktop). FX thread only.
 */
final class BreachContext {

    enum NoticeKind { SUCCESS, INFO, WARNING, DANGER }

    /** What the person can do about a notice right there: nothing, or load the incident again. */
    enum NoticeAction { NONE, RELOAD }

    record Notice(NoticeKind kind, String text, NoticeAction action) {
    }

    final AppState app;
    final BreachClient breach;
    /** The courses a draft's scope offers, in the platform's order. */
    final CourseList courses;
    final TaskRunner tasks;
    final Messages messages;
    final ErrorMessages errors;
    final BreachWords words;
    final BreachDialogs dialogs;
    final FileOpener opener;
    final Clock clock;
    final ZoneId zone;

    private final ReadOnlyObjectWrapper<IncidentDto> incident = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private String etag;

    BreachContext(AppState app, BreachClient breach, CoursesClient courses, TaskRunner tasks, Messages messages,
                  BreachDialogs dialogs, FileOpener opener, Clock clock, ZoneId zone) {
        this.app = app;
        this.breach = breach;
        this.courses = CourseList.asListed(courses, tasks);
        this.tasks = tasks;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.words = new BreachWords(messages);
        this.dialogs = dialogs;
        this.opener = opener;
        this.clock = clock;
        this.zone = zone;
    }

    /** The signed-in officer's Member by name; empty when nobody is signed in. */
    String memberName() {
        return app.session() == null ? "" : app.session().me().member().name();
    }

    ReadOnlyObjectProperty<IncidentDto> incidentProperty() {
        return incident.getReadOnlyProperty();
    }

    IncidentDto incident() {
        return incident.get();
    }

    String incidentId() {
        IncidentDto now = incident.get();
        return now == null ? null : now.id();
    }

    String etag() {
        return etag;
    }

    void adopt(Versioned<IncidentDto> version) {
        etag = version.etag();
        incident.set(version.value());
    }

    /** An answer without a header (the state changes): the incident names its own version. */
    void adopt(IncidentDto dto) {
        etag = dto.etag();
        incident.set(dto);
    }

    void clear() {
        etag = null;
        incident.set(null);
    }

    ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    void say(NoticeKind kind, String text) {
        notice.set(new Notice(kind, text, NoticeAction.NONE));
    }

    void say(NoticeKind kind, String text, NoticeAction action) {
        notice.set(new Notice(kind, text, action));
    }

    /** A failure in words, after the shell has seen it (connection lost, session ended). */
    void sayFailure(Throwable failure) {
        app.report(failure);
        UserMessage m = errors.describe(failure);
        say(NoticeKind.DANGER, m.text() + " " + m.hint());
    }

    void dismiss() {
        notice.set(null);
    }
}
