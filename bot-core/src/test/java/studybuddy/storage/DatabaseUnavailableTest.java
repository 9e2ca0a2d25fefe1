package studybuddy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away" (tell the user, retry) rather than "this statement was refused". */
class DatabaseUnavailableTest {
    @Test
    void givenConnectionFailures_whenClassified_thenUnavailable() {
        assertThat(Database.isUnavailable(new SQLException("refused", "08001"))).isTrue();
        assertThat(Database.isUnavailable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(Database.isUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Database.isUnavailable(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(Database.isUnavailable(new StorageUnavailableException("down", null))).isTrue();
    }

    @Test
    void givenStatementsTheDatabaseRefused_whenClassified_thenNotUnavailable() {
        assertThat(Database.isUnavailable(new DataAccessException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(Database.isUnavailable(new SQLException("invalid byte sequence 0x00", "22021"))).isFalse();
        assertThat(Database.isUnavailable(new IllegalStateException("bug"))).isFalse();
    }
}
