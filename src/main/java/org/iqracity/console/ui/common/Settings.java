package org.iqracity.console.ui.common;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** What the console remembers between runs. Never a password or a token. */
public interface Settings {

    Optional<String> get(String key);

    /** Settings kept for this run only, never written: for screens built without the console's file (tests). */
    static Settings inMemory() {
        Map<String, String> values = new ConcurrentHashMap<>();
        return new Settings() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(values.get(key));
            }

            @Override
            public void put(String key, String value) {
                if (value == null) {
                    values.remove(key);
                } else {
                    values.put(key, value);
                }
            }

            @Override
            public void save() {
            }
        };
    }

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
