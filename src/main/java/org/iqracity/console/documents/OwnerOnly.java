package org.iqracity.console.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Folders and files only their owner can open (R13, R14): learner data, key material, mailboxes and copies never lie
 * readable by other accounts of the machine. On Linux and macOS a folder is made 0700 and a file 0600 from the moment
 * it exists (not made first and narrowed after); on Windows the folder's or file's access list names its owner alone.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /**
     * A folder the application owns (its data folder and what is under it): made, with any missing parents, owner-only
     * from the start, and narrowed to its owner if it already existed wider (a folder made by an older version).
     */
    public static Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = absolute; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                if (POSIX) {
                    Files.createDirectory(p, PosixFilePermissions.asFileAttribute(FOLDER));
                } else {
                    Files.createDirectory(p);
                    ownerAcl(p);
                }
            } catch (FileAlreadyExistsException raced) {
                // another thread or process made it meanwhile
            }
        }
        narrow(absolute);
        return absolute;
    }

    /** A new file (or one replaced), owner-only from its first byte. */
    public static OutputStream newOutputStream(Path file, OpenOption... options) throws IOException {
        Set<OpenOption> opts = new HashSet<>(List.of(options));
        if (opts.isEmpty()) {
            opts.addAll(List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE));
        }
        opts.add(StandardOpenOption.WRITE);
        boolean existed = Files.exists(file);
        OutputStream out = POSIX
                ? Channels.newOutputStream(Files.newByteChannel(file, opts, fileAttribute()))
                : Channels.newOutputStream(Files.newByteChannel(file, opts));
        if (existed || !POSIX) {
            narrow(file);
        }
        return out;
    }

    /** Writes {@code bytes} to a new owner-only file. */
    public static void write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(bytes);
        }
    }

    /** Narrows one existing folder or file to its owner. */
    public static void narrow(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
            return;
        }
        if (POSIX) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        } else {
            ownerAcl(path);
        }
    }

    /** Narrows a folder and everything under it (what an older version left readable to others). */
    public static void narrowTree(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                narrow(p);
            }
        }
    }

    /** Whether only the owner may read, write or enter {@code path} (a check for tests and for a start-up warning). */
    public static boolean isOwnerOnly(Path path) throws IOException {
        if (!POSIX) {
            AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
            if (view == null) {
                return true;
            }
            UserPrincipal owner = view.getOwner();
            return view.getAcl().stream().allMatch(e -> e.principal().equals(owner));
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        return perms.stream().noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
    }

    private static FileAttribute<Set<PosixFilePermission>> fileAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }

    private static void ownerAcl(Path path) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (view == null) {
            return;
        }
        AclEntry.Builder entry = AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(view.getOwner())
                .setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (Files.isDirectory(path)) {
            // what is made inside later inherits the same single entry
            entry.setFlags(AclEntryFlag.FILE_INHERIT,
                    AclEntryFlag.DIRECTORY_INHERIT);
        }
        AclEntry owner = entry.build();
        view.setAcl(List.of(owner));
    }
}
