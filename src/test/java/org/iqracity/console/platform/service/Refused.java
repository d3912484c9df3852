package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.iqracity.console.api.Problem;

/** The refusal a service answered a call with, for tests that look at its status, code and fields. */
public final class Refused {
    private Refused() {
    }

    /** The {@link PlatformException} {@code call} throws; the test fails if it throws nothing or something else. */
    public static PlatformException by(ThrowingCallable call) {
        Throwable thrown = Assertions.catchThrowable(call);
        assertThat(thrown).as("the call is refused").isInstanceOf(PlatformException.class);
        return (PlatformException) thrown;
    }

    /** The fields a refusal names, in order. */
    public static List<String> fields(PlatformException refusal) {
        return refusal.errors().stream().map(Problem.FieldError::field).toList();
    }
}
