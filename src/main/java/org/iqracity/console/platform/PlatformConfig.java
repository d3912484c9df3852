package org.iqracity.console.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How to run the platform. With {@code jdbcUrl} null it runs on an embedded H2 database under {@code dataDir}.
 *
 * @param sandbox whether to seed the deterministic sandbox (always on for the embedded database)
 * @param learners sandbox size
 * @param accessTokenTtl lifetime of an access token (R13: at most 15 minutes)
 * @param idleTimeout a session unused this long ends
 * @param absoluteTimeout a session ends this long after sign-in, whatever happens
 * @param mail where breach notices are sent (the sandbox mailbox when no SMTP server is given)
 * @param tls the keystore to serve HTTPS with, or null for plain HTTP
 * @param nodeId this node's name among several on one PostgreSQL; null for {@code PLATFORM_NODE_ID}, else the
 *               host's name (as in the log lines)
 * @param operations how the node runs among others: its pool, its stop, its management port
 */
public record PlatformConfig(String host, int port, Path dataDir, String jdbcUrl, String dbUser, String dbPassword,
                             boolean sandbox, int learners, long seed, Duration accessTokenTtl,
                             Duration idleTimeout, Duration absoluteTimeout, MailConfig mail, Tls tls, String nodeId,
                             Operations operations) {

    /** A PKCS#12 (or JKS) keystore holding the server's private key and certificate chain. */
    public record Tls(Path keystore, char[] password) {
        @Override
        public String toString() {
            return "Tls[" + keystore + "]";
        }
    }

    /**
     * How a node runs behind a load balancer.
     *
     * @param dbPool connections to a server database (2 to 200)
     * @param drain after a stop is asked for, how long the node still serves while {@code /health/ready} answers 503,
     *              so the load balancer's health checks take it out of rotation before it stops listening
     * @param grace then, how long requests in flight may take to finish before the server stops regardless
     * @param managementHost the address of the management port (metrics)
     * @param managementPort the management port; -1 for none, 0 for a free one
     * @param managementToken the bearer token the management port asks for; null for none (loopback only)
     * @param trustedProxies the load balancers whose {@code X-Forwarded-For} is believed (addresses or CIDR blocks,
     *                       comma-separated); null for {@code PLATFORM_TRUSTED_PROXIES}
     * @param jsonLogs log lines as JSON objects (true), as text (false), or as the environment says (null)
     */
    public record Operations(int dbPool, Duration drain, Duration grace, String managementHost, int managementPort,
                             String managementToken, String trustedProxies, Boolean jsonLogs) {
        public static final Operations DEFAULT = new Operations(24, Duration.ofSeconds(5), Duration.ofSeconds(30),
                "127.0.0.1", -1, null, null, null);

        public Operations {
            if (dbPool < 2 || dbPool > 200) {
                throw new IllegalArgumentException("The pool holds 2 to 200 connections");
            }
            if (drain.isNegative() || grace.isNegative()) {
                throw new IllegalArgumentException("The drain and grace periods cannot be negative");
            }
        }

        public boolean management() {
            return managementPort >= 0;
        }

        public Operations withDbPool(int n) {
            return new Operations(n, drain, grace, managementHost, managementPort, managementToken, trustedProxies,
                    jsonLogs);
        }

        public Operations withStop(Duration drainFor, Duration graceFor) {
            return new Operations(dbPool, drainFor, graceFor, managementHost, managementPort, managementToken,
                    trustedProxies, jsonLogs);
        }

        public Operations withManagement(String mHost, int mPort, String token) {
            return new Operations(dbPool, drain, grace, mHost, mPort, token, trustedProxies, jsonLogs);
        }

        public Operations withTrustedProxies(String proxies) {
            return new Operations(dbPool, drain, grace, managementHost, managementPort, managementToken, proxies,
                    jsonLogs);
        }

        public Operations withJsonLogs(Boolean on) {
            return new Operations(dbPool, drain, grace, managementHost, managementPort, managementToken,
                    trustedProxies, on);
        }

        @Override
        public String toString() {
            return "Operations[dbPool=" + dbPool + ", drain=" + drain + ", grace=" + grace + ", management="
                    + (management() ? managementHost + ":" + managementPort : "off") + ", trustedProxies="
                    + trustedProxies + "]";
        }
    }

    public static final int DEFAULT_LEARNERS = 20_000;
    public static final long DEFAULT_SEED = 20261129L;

    public PlatformConfig {
        if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("access tokens may live at most 15 minutes (R13)");
        }
        if (nodeId != null && !NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException("A node id is 1 to 100 letters, digits, '.', '_' or '-'");
        }
    }

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** This node's name: the one given, else {@code PLATFORM_NODE_ID}, else the host's name, as the log lines say. */
    public String node() {
        if (nodeId != null) {
            return nodeId;
        }
        String env = System.getenv("PLATFORM_NODE_ID");
        String name = env != null && !env.isBlank() ? env.strip() : hostName();
        // a name the log line shows as it is, cut to what a claim can carry
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "platform" : safe.substring(0, Math.min(100, safe.length()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "platform";
        }
    }

    /** An embedded sandbox on loopback, plain HTTP; port 0 picks a free port. */
    public static PlatformConfig embedded(Path dataDir, int port) {
        return new PlatformConfig("127.0.0.1", port, dataDir, null, null, null, true, DEFAULT_LEARNERS,
                DEFAULT_SEED, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(12), MailConfig.DEFAULT,
                null, null, Operations.DEFAULT);
    }

    public boolean embeddedDatabase() {
        return jdbcUrl == null;
    }

    /** Listens on this port (0: a free one). */
    public PlatformConfig withPort(int p) {
        return new PlatformConfig(host, p, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, learners, seed,
                accessTokenTtl, idleTimeout, absoluteTimeout, mail, tls, nodeId, operations);
    }

    public PlatformConfig withLearners(int n) {
        return new PlatformConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, n, seed, accessTokenTtl,
                idleTimeout, absoluteTimeout, mail, tls, nodeId, operations);
    }

    public PlatformConfig withSeed(long s) {
        return new PlatformConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, learners, s,
                accessTokenTtl, idleTimeout, absoluteTimeout, mail, tls, nodeId, operations);
    }

    public PlatformConfig withDatabase(String url, String user, String password, boolean seedSandbox) {
        return new PlatformConfig(host, port, dataDir, url, user, password, seedSandbox, learners, seed,
                accessTokenTtl, idleTimeout, absoluteTimeout, mail, tls, nodeId, operations);
    }

    public PlatformConfig withSessionLimits(Duration access, Duration idle, Duration absolute) {
        return new PlatformConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, learners, seed, access,
                idle, absolute, mail, tls, nodeId, operations);
    }

    public PlatformConfig withMail(MailConfig m) {
        return new PlatformConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, learners, seed,
                accessTokenTtl, idleTimeout, absoluteTimeout, m, tls, nodeId, operations);
    }

    public PlatformConfig withHost(String h) {
        return new PlatformConfig(h, port, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, learners, seed,
                accessTokenTtl, idleTimeout, absoluteTimeout, mail, tls, nodeId, operations);
    }

    /** Serves HTTPS with this keystore instead of plain HTTP. */
    public PlatformConfig withTls(Path keystore, char[] password) {
        return new PlatformConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, learners, seed,
                accessTokenTtl, idleTimeout, absoluteTimeout, mail, new Tls(keystore, password), nodeId, operations);
    }

    /** Runs as this node (several nodes on one PostgreSQL each need a name of their own). */
    public PlatformConfig withNodeId(String id) {
        return new PlatformConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, learners, seed,
                accessTokenTtl, idleTimeout, absoluteTimeout, mail, tls, id, operations);
    }

    /** Runs with these operational settings (pool, stop, management port). */
    public PlatformConfig withOperations(Operations o) {
        return new PlatformConfig(host, port, dataDir, jdbcUrl, dbUser, dbPassword, sandbox, learners, seed,
                accessTokenTtl, idleTimeout, absoluteTimeout, mail, tls, nodeId, o);
    }
}
