package studybuddy.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.QueryPlans;

/** The review sweep's claim reads about one batch of rows, however many learners have reviews scheduled. */
class ReviewQueryPlanTest {
    private final Database db = TestDatabase.fresh(2);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenTwentyThousandLearnersDue_whenTheSweepTakesItsTenthBatch_thenItReadsAboutOneBatchOfRows() {
        // GIVEN 20 000 learners whose review time is this minute; the first nine batches were handled (moved on)
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        insert into learner (platform, user_id, chat_id, display_name, timezone, checkin_time)
                        select 'telegram', 'u' || i, 'u' || i, 'u' || i, 'UTC', '09:00' from generate_series(1, 20000) i""");
                s.execute("""
                        insert into review_schedule (learner_id, next_run_at)
                        select id, date_trunc('minute', now()) - interval '1 minute' from learner""");
                s.execute("update review_schedule set next_run_at = next_run_at + interval '1 day' where learner_id <= 9000");
                s.execute("analyze learner");
                s.execute("analyze review_schedule");
            }
            return null;
        });
        // WHEN the tenth batch of 1000 is claimed (the statement of ReviewService.sweep)
        String sql = ReviewService.CLAIM.replaceFirst("\\?", "now()").replaceFirst("limit \\?", "limit 1000");
        String p = QueryPlans.analyse(db, sql);
        // THEN it walks the due index from the oldest run and stops after the batch
        long read = QueryPlans.mostRowsRead(p);
        assertThat(p).as(p).contains("review_schedule_due");
        assertThat(read).as(p).isLessThanOrEqualTo(2000);
    }

    @Test
    void givenLearnersWithManyReviewItems_whenOneLearnersNextReviewIsComputed_thenOnlyTheirEarliestItemIsRead() {
        // GIVEN 2 000 learners with 30 review items each
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        insert into learner (platform, user_id, chat_id, display_name, timezone, checkin_time)
                        select 'telegram', 'u' || i, 'u' || i, 'u' || i, 'UTC', '09:00' from generate_series(1, 2000) i""");
                s.execute("insert into review_schedule (learner_id) select id from learner");
                s.execute("""
                        insert into review_item (learner_id, unit_id, due_on, interval_days, streak, ease, created_at)
                        select l.id, 'unit-' || u, current_date + u, 2, 0, 2.5, now()
                          from learner l, generate_series(1, 30) u""");
                s.execute("analyze");
            }
            return null;
        });
        // WHEN the next review of one learner is computed (the statement run after every /done)
        String sql = ReviewService.NEXT_DUE.replace("any(?)", "any(array[(select min(id) + 999 from learner)])");
        String p = QueryPlans.analyse(db, sql);
        // THEN one probe of the (learner, due date) index, not every item of the learner
        assertThat(p).as(p).contains("review_item_due");
        assertThat(QueryPlans.mostRowsRead(p)).as(p).isLessThanOrEqualTo(2);
    }
}
