package studybuddy.ops;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.storage.Database;
import studybuddy.storage.DatabaseSettings;
import studybuddy.storage.StorageUnavailableException;

/**
 * Start-up that waits instead of dying: a dependency that is not there yet (the database still booting after a
 * reboot, the platform's API unreachable) gets one WARN line naming what and where and why, no stack trace, and
 * is tried again after 1, 2, 4 … 60 s until it answers or the process is asked to stop.
 */
public final class StartupRetry {
    private static final Logger log = LoggerFactory.getLogger(StartupRetry.class);
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);

    /** One attempt; throws when the dependency is not there. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run() throws Exception;
    }

    /** How the caller waits between attempts (a test waits on no clock at all). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Thrown when the process was asked to stop while still waiting. */
    public static final class Stopped extends RuntimeException {
        public Stopped(String what) {
            super("stopped while waiting for " + what);
        }
    }

    private final BooleanSupplier stopping;
    private final Sleeper sleeper;

    public StartupRetry(BooleanSupplier stopping, Sleeper sleeper) {
        this.stopping = stopping;
        this.sleeper = sleeper;
    }

    public StartupRetry(BooleanSupplier stopping) {
        this(stopping, d -> Thread.sleep(d.toMillis()));
    }

    /**
     * Runs {@code attempt} until it succeeds. A failure for which {@code why} answers a reason is expected (the
     * dependency is away) and retried; one it answers null for is not, and is thrown at once.
     *
     * @param what  what is waited for and where, e.g. {@code "the Telegram Bot API at https://api.telegram.org"}
     */
    public <T> T until(String what, Attempt<T> attempt, Function<Exception, String> why) throws Exception {
        Duration wait = FIRST;
        int attempts = 0;
        while (true) {
            if (stopping.getAsBoolean()) {
                throw new Stopped(what);
            }
            try {
                T result = attempt.run();
                if (attempts > 0) {
                    log.warn("Reached {} after {} attempts", what, attempts + 1);
                }
                return result;
            } catch (Exception e) {
                String reason = why.apply(e);
                if (reason == null) {
                    throw e;
                }
                attempts++;
                log.warn("Cannot reach {} ({}); trying again in {} s", what, reason, wait.toSeconds());
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped(what);
            }
            wait = wait.multipliedBy(2).compareTo(MAX) > 0 ? MAX : wait.multipliedBy(2);
        }
    }

    /**
     * Opens the database, waiting for a server named by DATABASE_URL that is not up yet (after a reboot PostgreSQL
     * may come up after the bot). The embedded server failing to start is not waited for: it would not get better.
     */
    public Database openDatabase(DatabaseSettings settings) throws Exception {
        return until("PostgreSQL at " + settings.describe(), () -> Database.open(settings),
                e -> e instanceof StorageUnavailableException && settings.jdbcUrl().isPresent() ? rootReason(e) : null);
    }

    /**
     * The deepest cause that says something, with its type: "ConnectException: Connection refused",
     * "UnknownHostException: api.telegram.org"; the outermost type when none has a message.
     */
    public static String rootReason(Throwable e) {
        String reason = e.getClass().getSimpleName();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            String first = m == null ? "" : m.lines().findFirst().orElse("").strip();
            if (!first.isEmpty()) {
                reason = t.getClass().getSimpleName() + ": " + first;
            }
        }
        return reason;
    }
}
