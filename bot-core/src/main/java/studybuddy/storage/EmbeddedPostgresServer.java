package studybuddy.storage;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server started from the binaries shipped on Maven Central, so a newcomer needs nothing installed.
 * As root (this machine, CI, containers) the library runs the server in a user namespace as an unprivileged user.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating it on first use and keeping its rows across restarts
     * (null: a throw-away directory).
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        long started = System.nanoTime();
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // no hook of its own: the process's one ShutdownSequence stops the server last, after the
                    // sweep and the pool (a parallel hook once stopped it under a running sweep)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory.getParent());
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setOverrideWorkingDirectory(dataDirectory.getParent().resolve("pg-bin").toFile());
            }
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL started on port {} in {} ms ({})", pg.getPort(),
                    (System.nanoTime() - started) / 1_000_000, dataDirectory == null ? "temporary data" : dataDirectory);
            return new EmbeddedPostgresServer(pg);
        } catch (IOException | RuntimeException e) {
            String cause = rootMessage(e);
            throw new StorageUnavailableException("Could not start the embedded PostgreSQL (" + cause + "). "
                    + "Set DATABASE_URL to a PostgreSQL server (e.g. jdbc:postgresql://localhost:5432/studybuddy with "
                    + "DATABASE_USER and DATABASE_PASSWORD), or run as a user that may start PostgreSQL.", e);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
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
