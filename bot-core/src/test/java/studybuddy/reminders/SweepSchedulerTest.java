package studybuddy.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

class SweepSchedulerTest {

    @Test
    void givenClusteredJdbcQuartzOnPostgres_whenStarted_thenTheSweepJobFiresRepeatedly() throws Exception {
        try (Database db = TestDatabase.fresh(5)) {
            // GIVEN
            CountDownLatch fired = new CountDownLatch(2);
            try (SweepScheduler scheduler = new SweepScheduler(db, fired::countDown, Duration.ofMillis(500))) {
                // WHEN
                scheduler.start();
                // THEN it fires, is clustered and keeps its state in PostgreSQL
                assertThat(fired.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(scheduler.quartz().getMetaData().isJobStoreClustered()).isTrue();
                assertThat(scheduler.quartz().getMetaData().getJobStoreClass().getName())
                        .isEqualTo("org.quartz.impl.jdbcjobstore.JobStoreTX");
                int checkins = db.inTransaction(c -> {
                    var rs = c.createStatement().executeQuery("select count(*) from qrtz_scheduler_state");
                    rs.next();
                    return rs.getInt(1);
                });
                assertThat(checkins).isEqualTo(1);
            }
        }
    }
}
