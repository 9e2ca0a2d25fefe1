package studybuddy.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.testing.RoundTrips;

/** A write held back to go out with the unit's COMMIT: one round trip, seen by the unit's reads, all or nothing. */
class WriteWithCommitTest {
    private static final String INSERT =
            "insert into learner (platform, user_id, chat_id, display_name) values ('console', ?, ?, 'x')";
    private Database db;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(2);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    @DisplayName("given a unit that reads and then holds a write back, when it ends, then the write and the commit are one round trip")
    void writeGoesWithTheCommit() {
        // WHEN
        RoundTrips.Count count = RoundTrips.of(() -> db.inUnitOfWork(() -> {
            learners("a"); // BEGIN and a read
            hold("a");
            return null;
        }));
        // THEN
        assertThat(count.statements()).isEqualTo(2);
        assertThat(count.roundTrips()).isEqualTo(2);
        assertThat(learners("a")).isEqualTo(1);
    }

    @Test
    @DisplayName("given a held write, when the unit reads afterwards, then the read sees it")
    void laterReadsSeeIt() {
        int seen = db.inUnitOfWork(() -> {
            hold("b");
            return learners("b");
        });
        assertThat(seen).isEqualTo(1);
        assertThat(learners("b")).isEqualTo(1);
    }

    @Test
    @DisplayName("given a held write, when the unit fails after it, then nothing is written")
    void failedUnitSendsNothing() {
        assertThatThrownBy(() -> db.inUnitOfWork(() -> {
            db.inTransaction(c -> c.createStatement().executeUpdate(INSERT.replace("?", "'c1'")));
            hold("c2");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(learners("c1") + learners("c2")).isZero();
    }

    @Test
    @DisplayName("given a held write that fails at the commit, when the unit ends, then it throws and the unit's earlier writes are rolled back")
    void failingHeldWriteRollsBack() {
        db.inTransaction(c -> c.createStatement().executeUpdate(INSERT.replace("?", "'taken'")));
        assertThatThrownBy(() -> db.inUnitOfWork(() -> {
            db.inTransaction(c -> c.createStatement().executeUpdate(INSERT.replace("?", "'d1'")));
            hold("taken"); // the same platform user again: a unique violation when sent
            return null;
        })).isInstanceOf(DataAccessException.class);
        assertThat(learners("d1")).isZero();
        assertThat(learners("taken")).isEqualTo(1);
        // and the pool's connection is fine for the next unit
        db.inUnitOfWork(() -> {
            hold("d2");
            return null;
        });
        assertThat(learners("d2")).isEqualTo(1);
    }

    private void hold(String user) {
        db.writeWithCommit(INSERT, ps -> {
            ps.setString(1, user);
            ps.setString(2, user);
        });
    }

    private int learners(String user) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("select count(*) from learner where user_id = ?")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
