package org.iqracity.console.ui.breach;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.client.BreachClient;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.common.UserMessage;

/**
 * The files of an incident: the letters PDF and an HTML notice opened with the desktop's viewers from private
 * temporary files, and the record for the regulator saved where the officer chose. One download at a time.
 */
public final class IncidentFiles {
    private final BreachContext ctx;
    private final ReadOnlyBooleanWrapper downloading = new ReadOnlyBooleanWrapper();

    IncidentFiles(BreachContext ctx) {
        this.ctx = ctx;
    }

    /** Downloads the letters PDF to a private temporary file and opens it with the desktop's PDF viewer. */
    public void openLetters() {
        IncidentDto now = ctx.incident();
        if (now == null || downloading.get()) {
            return;
        }
        String id = now.id();
        downloading.set(true);
        ctx.tasks.job(ctx.messages.get("breach.letters.job"), progress -> {
            Path file = privateTempFile("breach-letters-", ".pdf");
            try (OutputStream out = Files.newOutputStream(file)) {
                ctx.breach.lettersPdf(id, out);
            }
            ctx.opener.open(file);
            return file;
        }).onSuccess(file -> ctx.say(NoticeKind.SUCCESS, ctx.messages.get("breach.notice.lettersOpened")))
                .onFailure(e -> fileFailed("breach.notice.lettersFailed", e))
                .onDone(() -> downloading.set(false));
    }

    /** Saves the record for the regulator's file as PDF or CSV; the file appears only once complete. */
    public void exportRecord(BreachClient.RecordFormat format, Path target) {
        IncidentDto now = ctx.incident();
        if (now == null || target == null || downloading.get()) {
            return;
        }
        String id = now.id();
        downloading.set(true);
        ctx.tasks.job(ctx.messages.get("breach.record.job"), progress -> {
            AtomicFiles.write(target, out -> ctx.breach.record(id, format, out));
            return target;
        }).onSuccess(path -> ctx.say(NoticeKind.SUCCESS, ctx.messages.format("breach.notice.recordSaved",
                path.getFileName().toString())))
                .onFailure(e -> fileFailed("breach.notice.recordFailed", e))
                .onDone(() -> downloading.set(false));
    }

    /** Writes an HTML notice to a private temporary file and opens it in the desktop's browser. */
    public void openHtml(String html) {
        if (html == null) {
            return;
        }
        ctx.tasks.run(() -> {
            Path file = privateTempFile("breach-notice-", ".html");
            Files.writeString(file, html);
            ctx.opener.open(file);
            return file;
        }).onFailure(e -> fileFailed("breach.notice.htmlFailed", e));
    }

    private void fileFailed(String key, Throwable e) {
        if (e instanceof IOException) {
            ctx.say(NoticeKind.DANGER, ctx.messages.get(key) + " " + ctx.messages.get("breach.notice.fileProblem"));
            return;
        }
        ctx.app.report(e);
        UserMessage m = ctx.errors.describe(e);
        ctx.say(NoticeKind.DANGER, ctx.messages.get(key) + " " + m.text() + " " + m.hint());
    }

    /** Letters hold names and postal addresses: only the person's own account may read the file. */
    private static Path privateTempFile(String prefix, String suffix) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(prefix, suffix, PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ,
                            PosixFilePermission.OWNER_WRITE)));
        } catch (UnsupportedOperationException notPosix) {
            file = Files.createTempFile(prefix, suffix);
        }
        file.toFile().deleteOnExit();
        return file;
    }

    public ReadOnlyBooleanProperty downloadingProperty() {
        return downloading.getReadOnlyProperty();
    }
}
