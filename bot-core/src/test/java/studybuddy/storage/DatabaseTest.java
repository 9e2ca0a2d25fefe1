package studybuddy.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void givenFreshDatabase_whenMigrated_thenLearnerTableExists() throws Exception {
        // GIVEN / WHEN
        try (Database db = TestDatabase.fresh(2)) {
            // THEN
            assertThat(learnerCount(db)).isZero();
        }
    }

    @Test
    void givenFailingWork_whenInTransaction_thenNothingIsWritten() {
        try (Database db = TestDatabase.fresh(2)) {
            // WHEN a transaction writes a row and then fails
            assertThatThrownBy(() -> db.inTransaction(c -> {
                c.createStatement().executeUpdate(
                        "insert into learner (platform, user_id, chat_id, display_name) values ('console', 'a', 'a', 'a')");
                throw new IllegalStateException("boom");
            })).isInstanceOf(IllegalStateException.class);
            // THEN the row is gone
            assertThat(learnerCount(db)).isZero();
        }
    }

    private static int learnerCount(Database db) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from learner")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void givenPostgresUrlWithCredentials_whenParsed_thenJdbcUrlAndUserAreSplitAndPasswordNotDescribed() {
        // GIVEN
        Map<String, String> env = Map.of("DATABASE_URL", "postgres://bot:s3cret@db.internal:6543/study");
        // WHEN
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(env);
        // THEN
        assertThat(settings.jdbcUrl()).contains("jdbc:postgresql://db.internal:6543/study");
        assertThat(settings.user()).isEqualTo("bot");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.describe()).doesNotContain("s3cret");
    }

    @Test
    void givenNoDatabaseUrl_whenParsed_thenEmbeddedUnderStudyBuddyHome() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("STUDYBUDDY_HOME", "/tmp/sb-home"));
        assertThat(settings.jdbcUrl()).isEmpty();
        assertThat(settings.describe()).contains("/tmp/sb-home");
    }

    @Test
    void givenMySqlUrl_whenParsed_thenClearRefusal() {
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("DATABASE_URL", "mysql://x/y")))
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void givenEmbeddedHome_whenOpenedTwice_thenRowsPersist() throws Exception {
        // GIVEN a home directory for the embedded server
        Path home = Files.createTempDirectory("sb-home");
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("STUDYBUDDY_HOME", home.toString()));
        try (Database db = Database.open(settings)) {
            db.inTransaction(c -> c.createStatement().executeUpdate(
                    "insert into learner (platform, user_id, chat_id, display_name) values ('console', 'ann', 'ann', 'Ann')"));
        }
        // WHEN it starts again on the same directory
        try (Database db = Database.open(settings)) {
            // THEN the row is still there
            String name = db.inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("select display_name from learner")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(name).isEqualTo("Ann");
        }
    }
}
