package org.iqracity.console.ui.journeys;

import java.nio.file.Path;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.SandboxTemplates;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.testing.TempFolders;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The platform a journey class drives the console against, registered as a static {@code @RegisterExtension} field:
 * before the class's first test, a sandbox of the given size is copied from the run's template (generated once per
 * run and size, {@link SandboxTemplates}) into a folder of the class's own and started; before each test a fresh
 * console window opens on it, and closes after. After the class's last test the platform stops and its folder is
 * deleted, so what one class changes no other class sees. Its own {@code @BeforeAll} methods run after the start.
 */
final class SandboxPlatform implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final int learners;
    private Path dataDir;
    private Platform platform;

    private SandboxPlatform(int learners) {
        this.learners = learners;
    }

    static SandboxPlatform withLearners(int learners) {
        return new SandboxPlatform(learners);
    }

    Platform platform() {
        if (platform == null) {
            throw new IllegalStateException("the sandbox platform starts before the class's first test");
        }
        return platform;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        dataDir = TempFolders.create("journey-platform");
        platform = Platform.start(SandboxTemplates.embedded(learners, dataDir), StartupListener.NONE);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ((ConsoleJourney) context.getRequiredTestInstance()).openConsole(platform.baseUri().toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        ((ConsoleJourney) context.getRequiredTestInstance()).closeConsole();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (platform != null) {
                platform.close();
            }
        } finally {
            platform = null;
            TempFolders.delete(dataDir);
        }
    }
}
