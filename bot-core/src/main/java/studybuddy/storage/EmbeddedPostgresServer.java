package studybuddy.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the binaries shipped on Maven Central, so a newcomer needs nothing installed.
 * As root (this machine, CI, containers) the library runs the server in a user namespace as an unprivileged user.
 *
 * <p>Several processes may use one data folder (two consoles, a console and a bot): the first starts the server,
 * the others find it through its {@code postmaster.pid} and join it. Whoever closes last stops it. After a crash
 * ({@code kill -9}) the server the dead process started is still running: the next start joins it instead of
 * waiting for a second server that cannot start; a stale {@code postmaster.pid} of a server that is gone is
 * removed, and a server that holds the folder but never answers is stopped.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** How long a running server may take to answer before it is taken for a hung one. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(5);
    /** How long a second process waits for the server another one is starting at the same moment. */
    static final Duration PEER_START_WAIT = Duration.ofSeconds(40);

    private final EmbeddedPostgres postgres; // null when this process joined a server another one started
    private final int port;
    private final long pid;
    private final Path dataDirectory; // null for a throw-away folder nobody else can know of

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, long pid, Path dataDirectory) {
        this.postgres = postgres;
        this.port = port;
        this.pid = pid;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating it on first use and keeping its rows across restarts
     * (null: a throw-away directory), or joins the one already running there.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        long started = System.nanoTime();
        try {
            if (dataDirectory != null) {
                Optional<EmbeddedPostgresServer> running = joinRunning(dataDirectory);
                if (running.isPresent()) {
                    return running.get();
                }
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // no hook of its own: the process's one ShutdownSequence stops the server last, after the
                    // sweep and the pool (a parallel hook once stopped it under a running sweep)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory.getParent());
                // no JVM shutdown hook: the server may serve other processes; close() stops it when it is the last
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false).setRegisterShutdownHook(false)
                        .setOverrideWorkingDirectory(dataDirectory.getParent().resolve("pg-bin").toFile());
            }
            EmbeddedPostgres pg;
            try {
                pg = builder.start();
            } catch (IllegalStateException e) {
                // another process holds the folder's lock: it is starting the server right now, so wait and join
                if (dataDirectory == null || !String.valueOf(e.getMessage()).contains("could not lock")) {
                    throw e;
                }
                return awaitPeer(dataDirectory, e);
            }
            log.info("Embedded PostgreSQL started on port {} in {} ms ({})", pg.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDirectory == null ? "temporary data" : dataDirectory);
            long serverPid = dataDirectory == null ? -1
                    : PostmasterPid.read(dataDirectory).map(PostmasterPid::pid).orElse(-1L);
            return new EmbeddedPostgresServer(pg, pg.getPort(), serverPid, dataDirectory);
        } catch (IOException | RuntimeException e) {
            String cause = rootMessage(e);
            throw new StorageUnavailableException("Could not start the embedded PostgreSQL in "
                    + (dataDirectory == null ? "a temporary folder" : dataDirectory) + " (" + cause + "). "
                    + "Set DATABASE_URL to a PostgreSQL server (e.g. jdbc:postgresql://localhost:5432/studybuddy with "
                    + "DATABASE_USER and DATABASE_PASSWORD), or set STUDYBUDDY_HOME to a folder of your own.", e);
        }
    }

    /** The server already running on the folder, if one answers; clears a dead or hung one out of the way. */
    static Optional<EmbeddedPostgresServer> joinRunning(Path dataDirectory) {
        Optional<PostmasterPid> file = PostmasterPid.read(dataDirectory);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        PostmasterPid info = file.get();
        Optional<ProcessHandle> process = ProcessHandle.of(info.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostgresOf(process.get(), dataDirectory)) {
            log.warn("Removing the stale postmaster.pid of an embedded PostgreSQL that is gone (pid {})", info.pid());
            deleteQuietly(dataDirectory.resolve("postmaster.pid"));
            return Optional.empty();
        }
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (info.port() > 0 && answers(info.port())) {
                log.info("Joined the embedded PostgreSQL already running on port {} (pid {}, {})", info.port(),
                        info.pid(), dataDirectory);
                return Optional.of(new EmbeddedPostgresServer(null, info.port(), info.pid(), dataDirectory));
            }
            if (!process.get().isAlive()) {
                return joinRunning(dataDirectory); // it just stopped: look again
            }
            sleep(100);
            info = PostmasterPid.read(dataDirectory).orElse(info); // a starting server writes its port late
        }
        log.warn("The embedded PostgreSQL in {} (pid {}) does not answer after {} s: stopping it", dataDirectory,
                info.pid(), ANSWER_WAIT.toSeconds());
        stop(process.get(), Duration.ofSeconds(5), null);
        deleteQuietly(dataDirectory.resolve("postmaster.pid"));
        return Optional.empty();
    }

    private static EmbeddedPostgresServer awaitPeer(Path dataDirectory, IllegalStateException lockFailure) {
        long deadline = System.nanoTime() + PEER_START_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<PostmasterPid> info = PostmasterPid.read(dataDirectory);
            if (info.isPresent() && info.get().port() > 0 && answers(info.get().port())) {
                log.info("Joined the embedded PostgreSQL another process started on port {}", info.get().port());
                return new EmbeddedPostgresServer(null, info.get().port(), info.get().pid(), dataDirectory);
            }
            sleep(200);
        }
        throw lockFailure;
    }

    /** True when the process is a PostgreSQL server (its command line names postgres and the folder). */
    private static boolean isPostgresOf(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        String command = info.command().orElse("") + " " + String.join(" ", info.arguments().orElse(new String[0]));
        if (command.isBlank()) {
            return true; // the system does not say (another user's process): do not take it for stale
        }
        // the folder as pg_ctl was given it may be relative: its name is enough to tell a reused pid apart
        return command.contains("postgres") && command.contains(String.valueOf(dataDirectory.getFileName()));
    }

    static boolean answers(int port) {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "5");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props);
             Statement s = c.createStatement()) {
            s.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Stops a server process: SIGTERM (PostgreSQL's smart shutdown), then SIGKILL if it has not gone within
     * {@code wait}. Gone means exited, or its postmaster.pid removed (a clean shutdown; the exited process may stay
     * a zombie in a container whose init does not reap).
     */
    private static void stop(ProcessHandle server, Duration wait, Path pidFile) {
        List<ProcessHandle> children = server.children().toList();
        server.destroy();
        if (awaitGone(server, wait, pidFile)) {
            return;
        }
        log.warn("Embedded PostgreSQL (pid {}) did not stop within {} s: killing it", server.pid(), wait.toSeconds());
        server.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        awaitGone(server, wait, null);
    }

    private static boolean awaitGone(ProcessHandle server, Duration wait, Path pidFile) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive() || (pidFile != null && !Files.exists(pidFile))) {
                return true;
            }
            sleep(50);
        }
        return false;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres";
    }

    public int port() {
        return port;
    }

    /** True when this process started the server, false when it joined one already running. */
    public boolean started() {
        return postgres != null;
    }

    /**
     * Lets go of the server: stops it unless another process (another console, a bot) is still connected, in
     * which case it keeps running for them and the last one to close stops it.
     */
    @Override
    public void close() {
        int others = dataDirectory != null ? otherClients() : 0;
        // the backends of connections closed a moment ago (this process's own pool) take a moment to go
        for (int i = 0; i < 10 && others > 0; i++) {
            sleep(150);
            others = otherClients();
        }
        if (others > 0) {
            log.info("Embedded PostgreSQL on port {} keeps running: {} other connection(s) still use it", port, others);
            return;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
            log.info("Stopping the embedded PostgreSQL on port {} (pid {}): the last process using it closed", port, pid);
            stop(p, Duration.ofSeconds(10), dataDirectory.resolve("postmaster.pid"));
        });
    }

    /** Client connections to the server other than the one asking; -1 when it does not answer. */
    private int otherClients() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        props.setProperty("connectTimeout", "2");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", props);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select count(*) from pg_stat_activity
                      where backend_type = 'client backend' and pid <> pg_backend_pid()""")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    /** The lines of a server's postmaster.pid this class needs: its process and its port. */
    record PostmasterPid(long pid, int port) {
        static Optional<PostmasterPid> read(Path dataDirectory) {
            Path file = dataDirectory.resolve("postmaster.pid");
            try {
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.isEmpty() || lines.get(0).isBlank()) {
                    return Optional.empty();
                }
                long pid = Long.parseLong(lines.get(0).strip());
                int port = lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).strip()) : -1;
                return Optional.of(new PostmasterPid(pid, port));
            } catch (IOException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the embedded PostgreSQL", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
