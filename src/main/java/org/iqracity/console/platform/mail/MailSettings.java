package org.iqracity.console.platform.mail;

/**
 * Where breach-notice mail goes. {@code startTls} requires STARTTLS before credentials or data are sent; the sandbox
 * mailbox on loopback is the one place it is off.
 */
public record MailSettings(String host, int port, boolean startTls, String username, String password,
                           String fromAddress, String fromName) {

    @Override
    public String toString() {
        // never the password
        return "MailSettings[" + host + ":" + port + ", startTls=" + startTls + ", user=" + (username != null) + "]";
    }

    /** The domain of the sender address, used for Message-IDs. */
    public String domain() {
        int at = fromAddress.lastIndexOf('@');
        return at < 0 ? "localhost" : fromAddress.substring(at + 1);
    }
}
