package org.iqracity.console.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.iqracity.console.ui.common.Settings;

public final class MemorySettings implements Settings {
    public final Map<String, String> values = new HashMap<>();
    public int saves;

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public void put(String key, String value) {
        values.put(key, value);
    }

    @Override
    public void save() {
        saves++;
    }
}
