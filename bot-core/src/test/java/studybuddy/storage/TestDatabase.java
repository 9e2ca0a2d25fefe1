package studybuddy.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL database for a test: a fresh, migrated database on the server named by
 * {@code STUDYBUDDY_TEST_DATABASE_URL} (a JDBC URL to an admin database, as .ci/run starts), or else on one
 * embedded server shared by the whole test JVM.
 */
public final class TestDatabase {
    private static String adminUrl;
    private static String user;
    private static String password;
    private static EmbeddedPostgresServer embedded;

    private TestDatabase() {
    }

    /** A new empty database with the bot's schema. Close it after the test. */
    public static Database fresh() {
        return fresh(10);
    }

    public static synchronized Database fresh(int poolSize) {
        init();
        String name = "sb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database: " + e.getMessage(), e);
        }
        String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return Database.connect(url, user, password, poolSize, null).migrated();
    }

    private static void init() {
        if (adminUrl != null) {
            return;
        }
        String url = System.getenv("STUDYBUDDY_TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            adminUrl = url;
            user = System.getenv().getOrDefault("STUDYBUDDY_TEST_DATABASE_USER", "postgres");
            password = System.getenv().getOrDefault("STUDYBUDDY_TEST_DATABASE_PASSWORD", "");
        } else {
            embedded = EmbeddedPostgresServer.start(null);
            adminUrl = embedded.jdbcUrl("postgres");
            user = "postgres";
            password = "";
            Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        }
    }
}
