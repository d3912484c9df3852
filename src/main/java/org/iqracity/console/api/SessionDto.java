package org.iqracity.console.api;

/**
 * A signed-in session. {@code expiresIn} is the access token's lifetime in seconds; {@code refreshExpiresIn} is
 * how long the refresh token may be used if the session stays active.
 */
public record SessionDto(String accessToken, String refreshToken, long expiresIn, long refreshExpiresIn, MeDto staff) {
    @Override
    public String toString() {
        return "SessionDto[tokens=***, expiresIn=" + expiresIn + ", staff=" + staff + "]";
    }
}
