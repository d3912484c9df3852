package org.iqracity.archfixture.client;

/** An HTTP failure that tells its status number as well as its problem code. */
public class ApiHttpException extends RuntimeException {
    public int status() {
        return 409;
    }

    public String code() {
        return "state_conflict";
    }
}
