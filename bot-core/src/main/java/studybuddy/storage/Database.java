package studybuddy.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The PostgreSQL database of the bot: a HikariCP pool, migrated by Flyway on open. */
public final class Database implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final EmbeddedPostgresServer embedded;

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
        return dataSource.getConnection();
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
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
