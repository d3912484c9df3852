package org.iqracity.console.ui.common;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.client.SessionExpiredException;

/** What the whole console shares: who is signed in, the connection, the theme, the running jobs. FX thread only. */
public final class AppState {

    private final ObjectProperty<Session> session = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionState> connection = new SimpleObjectProperty<>(ConnectionState.NONE);
    private final BooleanProperty signInAgainNeeded = new SimpleBooleanProperty();
    private final ObjectProperty<ThemeMode> theme = new SimpleObjectProperty<>(ThemeMode.SYSTEM);
    private final ObservableList<Job> jobs = FXCollections.observableArrayList();

    public ReadOnlyObjectProperty<Session> sessionProperty() {
        return session;
    }

    public Session session() {
        return session.get();
    }

    public void signedIn(Session newSession) {
        signInAgainNeeded.set(false);
        connection.set(ConnectionState.ONLINE);
        session.set(newSession);
    }

    public void signedOut() {
        session.set(null);
        signInAgainNeeded.set(false);
        connection.set(ConnectionState.NONE);
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionProperty() {
        return connection;
    }

    /** True while the session has ended on the platform and the person is asked to sign in again. */
    public ReadOnlyBooleanProperty signInAgainNeededProperty() {
        return signInAgainNeeded;
    }

    public void signedInAgain() {
        signInAgainNeeded.set(false);
        connection.set(ConnectionState.ONLINE);
    }

    /** Every ViewModel hands its failures here, so connection loss and session end are seen in one place. */
    public void report(Throwable failure) {
        if (session.get() == null) {
            return;
        }
        if (failure instanceof PlatformUnreachableException) {
            connection.set(ConnectionState.OFFLINE);
        } else if (failure instanceof SessionExpiredException) {
            signInAgainNeeded.set(true);
        }
    }

    public void reachable() {
        if (session.get() != null) {
            connection.set(ConnectionState.ONLINE);
        }
    }

    public ObjectProperty<ThemeMode> themeProperty() {
        return theme;
    }

    public ObservableList<Job> jobs() {
        return jobs;
    }
}
