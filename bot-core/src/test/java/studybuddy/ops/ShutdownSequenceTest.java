package studybuddy.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ShutdownSequenceTest {

    @Test
    void givenSteps_whenRun_thenTheyRunOnceInTheOrderAdded() {
        // GIVEN
        List<String> order = new CopyOnWriteArrayList<>();
        ShutdownSequence s = new ShutdownSequence(Duration.ofSeconds(5))
                .then("intake", Duration.ofSeconds(1), () -> order.add("intake"))
                .then("scheduler", Duration.ofSeconds(1), () -> order.add("scheduler"))
                .then("database", Duration.ofSeconds(1), () -> order.add("database"));
        // WHEN run twice (the main thread at the end of input, then the JVM's hook)
        s.run();
        s.run();
        // THEN
        assertThat(order).containsExactly("intake", "scheduler", "database");
        assertThat(s.started()).isTrue();
    }

    @Test
    void givenAStepStuckForever_whenRun_thenItIsLeftAfterItsLimitAndTheNextStepsStillRun() {
        // GIVEN a sweep that never ends (retrying against a database that went away)
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch never = new CountDownLatch(1);
        ShutdownSequence s = new ShutdownSequence(Duration.ofSeconds(5))
                .then("scheduler", Duration.ofMillis(200), never::await)
                .then("database", Duration.ofSeconds(1), () -> order.add("database"));
        // WHEN
        long start = System.nanoTime();
        s.run();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        // THEN the database still closes, soon after the stuck step's limit
        assertThat(order).containsExactly("database");
        assertThat(tookMs).isBetween(150L, 3_000L);
    }

    @Test
    void givenStepsLongerThanTheBudget_whenRun_thenTheBudgetBoundsTheWholeSequence() {
        // GIVEN three steps of 1 s each within a 300 ms budget
        List<String> started = new CopyOnWriteArrayList<>();
        ShutdownSequence s = new ShutdownSequence(Duration.ofMillis(300));
        for (String name : List.of("a", "b", "c")) {
            s.then(name, Duration.ofSeconds(1), () -> {
                started.add(name);
                Thread.sleep(1_000);
            });
        }
        // WHEN
        long start = System.nanoTime();
        s.run();
        // THEN the first overran the budget; the others were skipped
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_000L);
        assertThat(started).containsExactly("a");
    }

    @Test
    void givenAFailingStep_whenRun_thenTheNextStepsStillRun() {
        List<String> order = new CopyOnWriteArrayList<>();
        new ShutdownSequence(Duration.ofSeconds(2))
                .then("shards", Duration.ofSeconds(1), () -> {
                    throw new IllegalStateException("already down");
                })
                .then("database", Duration.ofSeconds(1), () -> order.add("database"))
                .run();
        assertThat(order).containsExactly("database");
    }
}
