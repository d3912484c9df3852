package org.iqracity.console.ui.common;

import java.util.Optional;

/** What the console remembers between runs. Never a password or a token. */
public interface Settings {

    Optional<String> get(String key);

    void put(String key, String value);

    /** Writes to disk; called off the FX thread. */
    void save();

    String LAST_ADDRESS = "signin.address";
    String LAST_ADDRESS_WAS_SANDBOX = "signin.address.sandbox";
    String LAST_USERNAME = "signin.username";
    String THEME = "theme";
    String WINDOW = "window.bounds";
    /** A PEM or DER file of certificate authorities trusted besides the JDK's (the --trust-ca option wins). */
    String TRUST_CA = "platform.trustCa";
}
