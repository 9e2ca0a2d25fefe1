package studybuddy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.QueryPlans;

/**
 * The hot queries of the sweep and the outbox use an index, not a scan of the whole table (which grows with every
 * message ever sent). Sequential scans are switched off for the check, so the plan shows whether an index exists
 * for the query, not what the planner prefers on an empty test table.
 */
class QueryPlanTest {
    private final Database db = TestDatabase.fresh(2);

    @AfterEach
    void close() {
        db.close();
    }

    private String plan(String sql) {
        return db.inTransaction(c -> {
            StringBuilder out = new StringBuilder();
            try (Statement s = c.createStatement()) {
                s.execute("set local enable_seqscan = off");
                try (ResultSet rs = s.executeQuery("explain " + sql)) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
            }
            c.rollback();
            return out.toString();
        });
    }

    @Test
    void givenAChatThatCannotBeReached_whenItsPendingMessagesAreGivenUp_thenTheOutboxIsNotScannedWhole() {
        // GIVEN a fan-out in progress: 20 000 pending group messages (no learner) to 20 000 chats
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        insert into outbox (learner_id, platform, chat_id, direct, kind, dedupe_key, body,
                                            next_attempt_at, created_at)
                        select null, 'telegram', 'chat-' || i, false, 'x', 'k' || i, 'hi', now(), now()
                          from generate_series(1, 20000) i""");
                s.execute("analyze outbox");
            }
            return null;
        });
        // WHEN one chat is found unreachable (the statement of Outbox.unreachable)
        String p = plan("""
                update outbox set status = 'dead', lease_until = null, last_error = 'x'
                 where status = 'pending' and (id = 1 or learner_id = 2 or (platform = 'telegram' and chat_id = '42'))""");
        // THEN its rows are found by index, not by reading every pending row of the fan-out
        assertThat(p).as(p).doesNotContain("Seq Scan on outbox").doesNotContain("Index Scan using outbox_pending");
    }

    @Test
    void givenTwentyThousandDueReminders_whenTheSweepTakesItsTenthBatch_thenItReadsAboutOneBatchOfRows() {
        // GIVEN 20 000 learners, each with a daily reminder due at the same minute (the 21:00 spike), of which the
        // first nine batches (9000) were just handled (moved to tomorrow)
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        insert into learner (platform, user_id, chat_id, display_name)
                        select 'telegram', 'u' || i, 'u' || i, 'u' || i from generate_series(1, 20000) i""");
                s.execute("""
                        insert into reminder (learner_id, body, kind, local_time, zone, next_fire_at, created_at)
                        select id, 'read', 'daily', '21:00', 'UTC', date_trunc('minute', now()) - interval '1 minute',
                               now()
                          from learner""");
                s.execute("update reminder set next_fire_at = next_fire_at + interval '1 day' where learner_id <= 9000");
                s.execute("analyze learner");
                s.execute("analyze reminder");
            }
            return null;
        });
        // WHEN the tenth batch of 1000 is claimed (the statement of ReminderService.sweepBatch)
        String sql = ReminderService.DUE.replaceFirst("\\?", "now()").replaceFirst("limit \\?", "limit 1000");
        String p = QueryPlans.analyse(db, sql);
        // THEN it reads about the batch it takes, not every due row (nor the rows handled before) once per batch
        long read = QueryPlans.mostRowsRead(p);
        assertThat(read).as(p).isLessThanOrEqualTo(2000);
    }
}
