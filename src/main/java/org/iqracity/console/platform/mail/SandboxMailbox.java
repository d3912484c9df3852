package org.iqracity.console.platform.mail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.documents.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's mail server: a small SMTP server on loopback that files every message it accepts as an {@code .eml}
 * file under {@code <folder>/<recipient>/}, which any mail program opens. A message is filed under its Message-ID,
 * so the same message handed over twice is one file, as a recipient's mailbox would show it.
 */
public final class SandboxMailbox implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(SandboxMailbox.class);
    private static final int MAX_MESSAGE = 5 * 1024 * 1024;

    private final Path folder;
    private final ServerSocket server;
    private final AtomicLong accepted = new AtomicLong();
    private volatile boolean open = true;

    private SandboxMailbox(Path folder, ServerSocket server) {
        this.folder = folder;
        this.server = server;
    }

    public static SandboxMailbox start(Path folder) {
        try {
            OwnerOnly.folder(folder);
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            SandboxMailbox mailbox = new SandboxMailbox(folder, server);
            Thread.ofPlatform().name("sandbox-mailbox").daemon().start(mailbox::acceptLoop);
            LOGGER.info("Sandbox mailbox listening on port {}; mail is filed under {}", server.getLocalPort(), folder);
            return mailbox;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the sandbox mailbox", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public Path folder() {
        return folder;
    }

    /** Messages taken since start, duplicates included. */
    public long accepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().name("sandbox-mailbox-session").start(() -> session(socket));
            } catch (IOException e) {
                if (open) {
                    LOGGER.warn("Sandbox mailbox stopped accepting connections", e);
                }
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reply(out, "220 sandbox-mailbox ready");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT)
                        : line.toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sandbox-mailbox\r\n250-8BITMIME\r\n250 SIZE " + MAX_MESSAGE);
                    case "HELO" -> reply(out, "250 sandbox-mailbox");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "503 RCPT first");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        byte[] message = readData(reader);
                        if (message == null) {
                            return;
                        }
                        for (String rcpt : recipients) {
                            file(rcpt, message);
                        }
                        accepted.incrementAndGet();
                        recipients.clear();
                        reply(out, "250 OK filed");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Not implemented");
                }
            }
        } catch (SocketException e) {
            LOGGER.debug("Sandbox mailbox connection dropped", e);
        } catch (IOException e) {
            LOGGER.warn("Sandbox mailbox session failed", e);
        }
    }

    /** The message lines up to the lone dot, dot-unstuffed; null when the client went away first. */
    private static byte[] readData(BufferedReader reader) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.equals(".")) {
                return data.toByteArray();
            }
            String unstuffed = line.startsWith("..") ? line.substring(1) : line;
            data.writeBytes((unstuffed + "\r\n").getBytes(StandardCharsets.UTF_8));
            if (data.size() > MAX_MESSAGE) {
                throw new IOException("Message too large for the sandbox mailbox");
            }
        }
        return null;
    }

    private void file(String recipient, byte[] message) throws IOException {
        String id = messageId(message);
        Path box = folder.resolve(safe(recipient.toLowerCase(Locale.ROOT)));
        OwnerOnly.folder(box);
        Path target = box.resolve(safe(id == null ? "message-" + System.nanoTime() : id) + ".eml");
        AtomicFiles.write(target, message);
    }

    static String messageId(byte[] message) {
        String head = new String(message, 0, Math.min(message.length, 64 * 1024), StandardCharsets.UTF_8);
        for (String line : head.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                return line.substring(11).strip();
            }
        }
        return null;
    }

    private static String address(String rcptLine) {
        int lt = rcptLine.indexOf('<');
        int gt = rcptLine.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? rcptLine.substring(lt + 1, gt)
                : rcptLine.substring(rcptLine.indexOf(':') + 1).strip();
    }

    static String safe(String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9@._+-]", "_").replaceAll("^\\.+", "_");
        return cleaned.length() > 150 ? cleaned.substring(0, 150) : cleaned;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            LOGGER.debug("Closing the sandbox mailbox failed", e);
        }
    }
}
