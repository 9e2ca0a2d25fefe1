package studybuddy.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
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

    private final HikariDataSource dataSource;
    private final EmbeddedPostgresServer embedded;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    /** The unit of work open on a thread: its connection and what its repositories read. */
    private static final class Unit {
        final Connection connection;
        final Map<Object, Object> memo = new HashMap<>();
        boolean readOnly;

        Unit(Connection connection) {
            this.connection = connection;
        }
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
        config.setConnectionTimeout(10_000);
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

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs work in one transaction: committed when it returns, rolled back when it throws. Inside a unit of work
     * it joins the unit's transaction (committed or rolled back with the unit).
     */
    public <T> T inTransaction(SqlWork<T> work) {
        Unit unit = current.get();
        if (unit != null) {
            try {
                return work.run(unit.connection);
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
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
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            current.set(new Unit(c));
            try {
                T result = work.get();
                c.commit();
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

    /** Whether the calling thread is inside a unit of work. */
    public boolean inUnitOfWork() {
        return current.get() != null;
    }

    /**
     * Declares that the rest of the open unit of work only reads (SET TRANSACTION READ ONLY): a write would
     * fail instead of slipping in, and the commit writes nothing. Outside a unit it does nothing.
     */
    public void readOnlyFromHere() {
        Unit unit = current.get();
        if (unit == null || unit.readOnly) {
            return;
        }
        try (Statement st = unit.connection.createStatement()) {
            st.execute("set transaction read only");
            unit.readOnly = true;
        } catch (SQLException e) {
            throw new DataAccessException(e);
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
