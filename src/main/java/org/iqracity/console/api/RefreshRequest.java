package org.iqracity.console.api;

public record RefreshRequest(String refreshToken) {
    @Override
    public String toString() {
        return "RefreshRequest[***]";
    }
}
