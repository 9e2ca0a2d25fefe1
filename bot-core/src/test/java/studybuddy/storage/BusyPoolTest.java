package studybuddy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A pool that is only busy is load, not an outage: a request waits for a connection instead of failing. */
class BusyPoolTest {
    @Test
    void givenEveryConnectionHeldLongerThanTheTimeout_whenAnotherRequestComes_thenItWaitsAndSucceeds() throws Exception {
        try (Database db = TestDatabase.fresh(2)) {
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                // GIVEN both of the pool's connections held for longer than the connection timeout
                CountDownLatch holding = new CountDownLatch(2);
                java.util.List<Future<?>> holders = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    holders.add(threads.submit(() -> db.inTransaction(c -> {
                        holding.countDown();
                        try {
                            Thread.sleep(Database.CONNECTION_TIMEOUT_MS + 1_000L);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    })));
                }
                assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
                // WHEN another request needs a connection meanwhile
                Future<Integer> waiting = threads.submit(() -> db.inTransaction(c -> {
                    try (var st = c.createStatement(); var rs = st.executeQuery("select 1")) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }));
                // THEN it gets one once the holder is done, instead of "the database is unreachable"
                assertThat(waiting.get(20, TimeUnit.SECONDS)).isEqualTo(1);
                for (Future<?> holder : holders) {
                    holder.get(20, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
