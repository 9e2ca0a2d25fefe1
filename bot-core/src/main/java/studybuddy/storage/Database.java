package studybuddy.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL database of the bot: a HikariCP pool, migrated by Flyway on open.
 *
 * <p>Units of work: {@link #inUnitOfWork} binds one connection and one transaction to the calling thread until
 * the work returns; every {@link #inTransaction} the thread calls meanwhile (that is, every repository call)
 * joins it instead of taking its own connection and committing on its own. So a command is one transaction,
 * written all or nothing, and a command that writes nothing commits nothing (PostgreSQL assigns no transaction
 * id, writes no WAL and flushes nothing). Within a unit, repositories may {@link #memo remember} what they read,
 * so the same row is read once per command.
 */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** Longest wait for a pooled connection. */
    static final int CONNECTION_TIMEOUT_MS = 2_000;
    /** After a failed connection, how long others fail at once instead of each waiting for the pool again. */
    private static final long PROBE_INTERVAL_NANOS = 1_000_000_000L;
    /** How long a request waits in all for a connection while the pool is merely busy (the database answers). */
    private static final long BUSY_WAIT_NANOS = 15_000_000_000L;

    private final HikariDataSource dataSource;
    private final EmbeddedPostgresServer embedded;
    /** System.nanoTime() until which the database counts as down (0: up). */
    private volatile long downUntil;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /** The unit of work open on a thread: its connection, what its repositories read, the writes it holds back. */
    private static final class Unit {
        final Connection connection;
        final Map<Object, Object> memo = new HashMap<>();
        final java.util.ArrayDeque<HeldWrite> held = new java.util.ArrayDeque<>();
        boolean readOnly;
        /** Whether a repository said it wrote in this unit (see {@link #noteWrite}). */
        boolean wrote;
        /** Read-only declared with nothing written before: checked at the end instead of switched at once. */
        boolean checkReadOnlyAtEnd;

        Unit(Connection connection) {
            this.connection = connection;
        }
    }

    private record HeldWrite(String sql, Binder binder) {
    }

    private Database(HikariDataSource dataSource, EmbeddedPostgresServer embedded) {
        this.dataSource = dataSource;
        this.embedded = embedded;
    }

    /** Opens the database the settings name (starting the embedded server if none is named) and migrates it. */
    public static Database open(DatabaseSettings settings) {
        EmbeddedPostgresServer embedded = null;
        String url;
        String user = settings.user();
        String password = settings.password();
        if (settings.jdbcUrl().isPresent()) {
            url = settings.jdbcUrl().get();
        } else {
            embedded = EmbeddedPostgresServer.start(settings.home().resolve("pgdata"));
            url = embedded.jdbcUrl("postgres");
            user = "postgres";
            password = "";
        }
        try {
            return connect(url, user, password, 10, embedded).migrated();
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** Connects to a URL and migrates; {@code owned} is closed with the database. */
    public static Database connect(String url, String user, String password, int poolSize, EmbeddedPostgresServer owned) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null && !user.isEmpty()) {
            config.setUsername(user);
        }
        if (password != null && !password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("study-buddy");
        // Short waits: a user waits behind every request, and an outage must be told within seconds (see open()).
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(10_000);
        try {
            return new Database(new HikariDataSource(config), owned);
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("Could not connect to PostgreSQL at "
                    + url.replaceAll("(?i)(password=)[^&]*", "$1***") + " (" + e.getMessage()
                    + "). Check DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD.", e);
        }
    }

    /** Brings the schema to the newest migration; returns this database. */
    public Database migrated() {
        long started = System.nanoTime();
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        log.info("Database schema at version {} ({} migrations applied in {} ms)",
                flyway.info().current() == null ? "none" : flyway.info().current().getVersion(),
                result.migrationsExecuted, (System.nanoTime() - started) / 1_000_000);
        return this;
    }

    /** Publishes the pool's usage (active, idle, pending, timeouts) to a Micrometer registry; once per pool. */
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        try {
            dataSource.setMetricsTrackerFactory(new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry));
        } catch (IllegalStateException e) {
            log.debug("Pool metrics already bound: {}", e.getMessage());
        }
    }

    /** Readiness: whether the database answers a query within 2 s. */
    public studybuddy.platform.HealthCheck healthCheck() {
        return new DatabaseHealthCheck(dataSource, Duration.ofSeconds(2));
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return open();
    }

    /**
     * A pooled connection, failing fast while the database is known to be down: after a failed attempt, further
     * ones within {@link #PROBE_INTERVAL_NANOS} fail at once, so that a burst of messages during an outage is
     * answered in milliseconds instead of each waiting out the pool's timeout.
     */
    private Connection open() throws SQLException {
        long until = downUntil;
        if (until != 0 && System.nanoTime() - until < 0) {
            throw new SQLTransientConnectionException("PostgreSQL was unreachable a moment ago", "08001");
        }
        long busyUntil = System.nanoTime() + BUSY_WAIT_NANOS;
        while (true) {
            try {
                Connection c = dataSource.getConnection();
                downUntil = 0;
                return c;
            } catch (SQLTransientConnectionException e) {
                // A timeout with no failed connection behind it: every connection is busy, the database is fine.
                // That is load, not an outage, so wait on (a burst must not read "I can't reach my database").
                if (e.getCause() == null && System.nanoTime() - busyUntil < 0) {
                    log.debug("All {} connections busy for {} ms; waiting on", dataSource.getMaximumPoolSize(),
                            CONNECTION_TIMEOUT_MS);
                    continue;
                }
                if (e.getCause() != null) {
                    downUntil = System.nanoTime() + PROBE_INTERVAL_NANOS;
                }
                throw e;
            } catch (SQLException e) {
                // Only a failure to connect trips the fast path.
                if (isConnectionFailure(e)) {
                    downUntil = System.nanoTime() + PROBE_INTERVAL_NANOS;
                }
                throw e;
            }
        }
    }

    /**
     * Whether a failure means the database could not be reached (no connection, connection lost, server shutting
     * down), as opposed to a statement it refused.
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLException s && isConnectionFailure(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return e instanceof java.sql.SQLNonTransientConnectionException
                || state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. Inside a unit of work
     * it joins the unit's transaction (committed or rolled back with the unit).
     */
    public <T> T inTransaction(SqlWork<T> work) {
        Unit unit = current.get();
        if (unit != null) {
            try {
                send(unit, false); // what the unit held back goes first: every read sees the unit's writes
                return work.run(unit.connection);
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
        try (Connection c = open()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback); // the connection is gone: the first failure says why
                }
                throw e;
            }
        } catch (SQLException e) {
            if (isConnectionFailure(e) || e instanceof SQLTransientConnectionException) {
                throw new StorageUnavailableException("PostgreSQL is unreachable: " + e.getMessage(), e);
            }
            throw new DataAccessException(e);
        }
    }

    /**
     * Runs work as one unit of work on one connection: everything the repositories do meanwhile on this thread
     * is one transaction, committed when the work returns and rolled back when it throws. Inside an open unit
     * it simply joins it.
     */
    public <T> T inUnitOfWork(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        try (Connection c = open()) {
            c.setAutoCommit(false);
            Unit unit = new Unit(c);
            current.set(unit);
            try {
                T result = work.get();
                try {
                    if (unit.checkReadOnlyAtEnd) {
                        endReadOnly(unit);
                    } else {
                        send(unit, true);
                        c.commit(); // nothing left to send when the held write took the commit along
                    }
                } catch (SQLException e) {
                    throw new DataAccessException(e);
                }
                return result;
            } catch (RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            } finally {
                current.remove();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * A write whose outcome (update count, keys) nobody reads, e.g. the one statement of /done. Inside a unit of work
     * it is held back and sent with the unit's COMMIT, in the same round trip (one round trip fewer per command); any
     * statement the unit runs before that sends it first, so the unit's reads see it. A unit that fails sends
     * nothing. Outside a unit it runs at once, in a transaction of its own.
     */
    public void writeWithCommit(String sql, Binder binder) {
        Unit unit = current.get();
        if (unit == null) {
            inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    binder.bind(ps);
                    return ps.executeUpdate();
                }
            });
            return;
        }
        if (unit.readOnly) {
            // fail here, as the write itself would, rather than at the commit
            throw new DataAccessException(new SQLException("cannot write in a read-only unit of work", "25006"));
        }
        unit.wrote = true;
        unit.held.add(new HeldWrite(sql, binder));
    }

    /** Sends the writes a unit held back; the last one takes the COMMIT along when {@code commit}. */
    private static void send(Unit unit, boolean commit) throws SQLException {
        while (!unit.held.isEmpty()) {
            HeldWrite write = unit.held.poll();
            // pgjdbc sends both statements of "…; commit" in one round trip; the connection is idle afterwards
            String sql = commit && unit.held.isEmpty() ? write.sql() + ";\ncommit" : write.sql();
            try (PreparedStatement ps = unit.connection.prepareStatement(sql)) {
                write.binder().bind(ps);
                ps.execute();
            }
        }
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Whether the calling thread is inside a unit of work. */
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    /**
     * Declares that the rest of the open unit of work only reads: a write would not be kept, and the unit writes
     * nothing. Outside a unit it does nothing.
     *
     * <p>When nothing was {@linkplain #noteWrite written} before in the unit, no statement is sent now: the unit
     * ends with a ROLLBACK that also asks whether the transaction got an id (a write gets one), in one round trip,
     * and a unit that wrote after all fails there, its writes discarded. That spares every read-only command the
     * round trip of SET TRANSACTION READ ONLY. Otherwise (the learner's row was just updated) the rest of the
     * transaction is switched to read only at once, and a write fails where it is made.
     */
    public void readOnlyFromHere() {
        Unit unit = current.get();
        if (unit == null || unit.readOnly) {
            return;
        }
        unit.readOnly = true;
        if (!unit.wrote) {
            unit.checkReadOnlyAtEnd = true;
            return;
        }
        try (Statement st = unit.connection.createStatement()) {
            st.execute("set transaction read only");
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * Tells the open unit of work that a statement of it wrote (so that a later {@link #readOnlyFromHere} keeps
     * that write). Repositories call it for writes a command may make before it declares itself read-only.
     */
    public void noteWrite() {
        Unit unit = current.get();
        if (unit != null) {
            unit.wrote = true;
        }
    }

    /** Ends a unit declared read-only before it wrote anything: rolled back, and failed if it wrote after all. */
    private static void endReadOnly(Unit unit) throws SQLException {
        boolean wrote;
        try (Statement st = unit.connection.createStatement()) {
            // pgjdbc sends both statements in one round trip; a transaction gets an id only when it writes
            st.execute("select txid_current_if_assigned() is not null; rollback");
            try (java.sql.ResultSet rs = st.getResultSet()) {
                wrote = rs.next() && rs.getBoolean(1);
            }
        }
        if (wrote) {
            throw new DataAccessException(new SQLException(
                    "a read-only unit of work wrote; its writes were rolled back", "25006"));
        }
    }

    /**
     * Within a unit of work, what {@code load} gave for {@code key} the first time (read once per unit);
     * outside one, simply loads. Repositories must {@link #forget} or {@link #remember} a key they write.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> load) {
        Unit unit = current.get();
        if (unit == null) {
            return load.get();
        }
        Object known = unit.memo.get(key);
        if (known == null) {
            known = load.get();
            unit.memo.put(key, known);
        }
        return (T) known;
    }

    /** Within a unit of work, records what {@code key} now holds (just written); outside one, nothing. */
    public void remember(Object key, Object value) {
        Unit unit = current.get();
        if (unit != null) {
            unit.memo.put(key, value);
        }
    }

    /** Within a unit of work, changes what is remembered for {@code key}, if anything is. */
    @SuppressWarnings("unchecked")
    public <T> void rememberUpdated(Object key, UnaryOperator<T> update) {
        Unit unit = current.get();
        if (unit != null) {
            unit.memo.computeIfPresent(key, (k, v) -> update.apply((T) v));
        }
    }

    /** Within a unit of work, forgets what was remembered for the keys matching. */
    public void forget(Predicate<Object> keys) {
        Unit unit = current.get();
        if (unit != null) {
            unit.memo.keySet().removeIf(keys);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
