package org.iqracity.console.ui.common;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The file an export is saved to, as the person names it in a field or picks it in the save dialog. A name alone
 * goes to the documents folder, the file type's extension is added when missing, and a file that is there already
 * is replaced only once the person said so: in the save dialog (which asks itself) or in the question
 * {@link #replaceAskedProperty()} puts while a typed name points at one.
 */
public final class SaveTarget {

    private final String extension;
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Path> replaceAsked = new ReadOnlyObjectWrapper<>();
    private Path replaceConfirmed;
    private SaveFolders folders;

    /** @param extension the file type's, with its dot ({@code ".zip"}) */
    public SaveTarget(String extension, SaveFolders folders) {
        this.extension = extension;
        this.folders = folders;
    }

    /** What the field says. */
    public StringProperty textProperty() {
        return text;
    }

    public boolean isBlank() {
        return text.get() == null || text.get().isBlank();
    }

    /** The file named in the field, absolute, with its extension. */
    public Path file() {
        return folders.resolve(withExtension(text.get().strip())).toAbsolutePath();
    }

    /**
     * Whether the export may write now. A file that is there and was not agreed to be replaced makes it wait: the
     * question names it until {@link #replace()} or {@link #keep()} answers.
     */
    public boolean clearToWrite() {
        Path named = file();
        if (Files.exists(named) && !named.equals(replaceConfirmed)) {
            replaceAsked.set(named);
            return false;
        }
        replaceAsked.set(null);
        replaceConfirmed = null;
        return true;
    }

    /** The person agreed to replace the file asked about; the export may write it now. */
    public void replace() {
        replaceConfirmed = replaceAsked.get();
    }

    /** The person keeps the file asked about: the field keeps its text, to be changed. */
    public void keep() {
        replaceAsked.set(null);
    }

    /** A file picked in the system's save dialog, which has asked already whether to replace one that is there. */
    public void chosenInDialog(String path) {
        text.set(withExtension(path));
        Path chosen = file();
        replaceConfirmed = Files.exists(chosen) ? chosen : null;
    }

    /** The existing file an export waits to replace until the person says so; null while none. */
    public ReadOnlyObjectProperty<Path> replaceAskedProperty() {
        return replaceAsked.getReadOnlyProperty();
    }

    /** Where the save dialog opens: the folder of the file named in the field, else the documents folder. */
    public Path dialogFolder() {
        Path parent = isBlank() ? null : file().getParent();
        return parent != null && Files.isDirectory(parent) ? parent : folders.documents();
    }

    public String withExtension(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(extension) ? path : path + extension;
    }

    /** Where names without a folder go (tests give a folder of their own). */
    public void useFolders(SaveFolders other) {
        this.folders = other;
    }
}
