package org.iqracity.console.ui.shell;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.ThemeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The frame around the screens: where a person may go, who they are, signing out, the theme. */
public final class ShellViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(ShellViewModel.class);

    private final AppState app;
    private final TaskRunner tasks;
    private final Messages messages;
    private final Session session;
    private final ObservableList<Destination> destinations = FXCollections.observableArrayList();
    private final ObjectProperty<Destination> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper signingOut = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<String> approvalNotice = new ReadOnlyObjectWrapper<>();
    private final ApprovalWatch approvals;

    public ShellViewModel(AppState app, TaskRunner tasks, Messages messages) {
        this(app, tasks, messages, APPROVAL_CHECK);
    }

    /** How often an officer's console asks which breach notices wait for their approval. */
    static final Duration APPROVAL_CHECK = Duration.ofSeconds(60);

    public ShellViewModel(AppState app, TaskRunner tasks, Messages messages, Duration approvalCheck) {
        this.app = app;
        this.tasks = tasks;
        this.messages = messages;
        this.session = app.session();
        MeDto me = session.me();
        Arrays.stream(Destination.values()).filter(d -> d.allowedFor(me)).forEach(destinations::add);
        selected.set(destinations.isEmpty() ? null : destinations.getFirst());
        if (me.has(Role.SECURITY_OFFICER)) {
            approvals = new ApprovalWatch(app, tasks, approvalCheck, this::newlyWaiting);
            approvals.start();
            // Leaving the breach screen (where the officer may just have approved one) updates the badge at once;
            // going there is seeing what waits, so the notification has said what it had to.
            selected.addListener((obs, old, now) -> {
                if (old == Destination.BREACH_NOTICES) {
                    approvals.checkNow();
                }
                if (now == Destination.BREACH_NOTICES) {
                    approvalNotice.set(null);
                }
            });
            // Once nothing waits for this officer any more, a notification that something does would be untrue.
            approvals.waitingProperty().addListener((obs, old, now) -> {
                if (now.intValue() == 0) {
                    approvalNotice.set(null);
                }
            });
        } else {
            approvals = null;
        }
    }

    private void newlyWaiting(List<IncidentSummaryDto> fresh) {
        approvalNotice.set(fresh.size() == 1
                ? messages.format("shell.approval.one", fresh.getFirst().title())
                : messages.format("shell.approval.many", fresh.size()));
    }

    /**
     * How many breach notices wait for this officer's approval: the badge on Breach notices (0: none, or not an
     * officer).
     */
    public ReadOnlyIntegerProperty awaitingApprovalProperty() {
        return approvals == null ? new ReadOnlyIntegerWrapper().getReadOnlyProperty() : approvals.waitingProperty();
    }

    /** A notification that notices started waiting for this officer since the last look; null when none is shown. */
    public ReadOnlyObjectProperty<String> approvalNoticeProperty() {
        return approvalNotice.getReadOnlyProperty();
    }

    /** The officer closed the notification. */
    public void dismissApprovalNotice() {
        approvalNotice.set(null);
    }

    public void dispose() {
        if (approvals != null) {
            approvals.stop();
        }
    }

    public ObservableList<Destination> destinations() {
        return FXCollections.unmodifiableObservableList(destinations);
    }

    public ObjectProperty<Destination> selectedProperty() {
        return selected;
    }

    /** Ctrl+1..6: the n-th place this person may go (1-based); ignored past the end. */
    public void goTo(int position) {
        if (position >= 1 && position <= destinations.size()) {
            selected.set(destinations.get(position - 1));
        }
    }

    public String displayName() {
        MeDto me = session.me();
        return me.displayName() == null || me.displayName().isBlank() ? me.username() : me.displayName();
    }

    public String username() {
        return session.me().username();
    }

    public String memberName() {
        return session.me().member().name();
    }

    public String roles() {
        return session.me().roles().stream().map(r -> messages.get("role." + r.name()))
                .collect(Collectors.joining(", "));
    }

    public String platformAddress() {
        return session.client().baseUri().toString();
    }

    /** Revokes the session on the platform; the console signs out locally whatever the platform answers. */
    public void signOut() {
        if (signingOut.get()) {
            return;
        }
        signingOut.set(true);
        tasks.run(() -> {
            session.client().signOut();
            return null;
        }).onFailure(e -> LOGGER.info("sign-out could not reach the platform: {}", e.getClass().getSimpleName()))
                .onDone(() -> {
                    signingOut.set(false);
                    app.signedOut();
                });
    }

    public ReadOnlyBooleanProperty signingOutProperty() {
        return signingOut.getReadOnlyProperty();
    }

    /** Switches between light and dark, starting from what is shown now. */
    public void toggleTheme(boolean showingDark) {
        app.themeProperty().set(showingDark ? ThemeMode.LIGHT : ThemeMode.DARK);
    }
}
