package org.iqracity.console.api;

/** Sign-in. {@code totp} is the six-digit second factor, sent when the platform asked for it. */
public record SessionRequest(String username, String password, String totp) {
    @Override
    public String toString() {
        return "SessionRequest[username=***, password=***, totp=***]";
    }
}
