package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.testing.TempFolders;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.ProgressSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A console that runs a sandbox says, in its status bar, where the sandbox serves and where the notices it sends are
 * filed. The sandbox here is the shared test platform, started by the console as it starts its embedded one.
 */
class SandboxStatusJourneyTest extends ConsoleJourney {

    private Path mailbox;

    /** The shared platform, handed to the console as the sandbox it starts; its mailbox a temporary folder. */
    private final class SharedSandbox implements LocalPlatform {
        @Override
        public URI start(ProgressSink progress) {
            return PlatformFixture.h2().platform().baseUri();
        }

        @Override
        public Optional<Path> mailboxFolder() {
            return Optional.of(mailbox);
        }

        @Override
        public void stop() {
            // the shared platform outlives this console
        }
    }

    @BeforeEach
    void open() throws Exception {
        mailbox = TempFolders.create("mc-mailbox");
        openConsoleWithSandbox(new SharedSandbox());
    }

    @AfterEach
    void close() throws Exception {
        try {
            closeConsole();
        } finally {
            TempFolders.delete(mailbox);
        }
    }

    @Test
    void theStatusBarNamesTheSandboxsAddressAndItsMailboxFolder() {
        String address = PlatformFixture.h2().platform().baseUri().toString();
        waitUntil(() -> address.equals(find("#address", TextField.class).getText()));
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#sandboxAddress"));
        assertThat(find("#sandboxAddress", Label.class).getText()).isEqualTo("Sandbox at " + address);
        Hyperlink link = find("#sandboxMailbox", Hyperlink.class);
        assertThat(link.getText()).isEqualTo("Sandbox mailbox");
        assertThat(onFx(() -> link.getTooltip().getText())).endsWith(mailbox.toString());
        shot("status-bar-sandbox");
    }
}
