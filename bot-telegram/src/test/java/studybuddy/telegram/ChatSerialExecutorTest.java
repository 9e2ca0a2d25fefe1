package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChatSerialExecutorTest {

    @Test
    void keepsOrderPerChatRunsChatsInParallelAndSurvivesFailures() throws Exception {
        Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherChatDone = new CountDownLatch(1);
        try (ChatSerialExecutor executor = new ChatSerialExecutor(4, "test")) {
            executor.submit(1L, () -> {
                slowStarted.countDown();
                await(release);
            });
            for (int i = 0; i < 50; i++) {
                int n = i;
                executor.submit(1L, () -> {
                    if (n == 10) {
                        throw new IllegalStateException("boom");
                    }
                    seen.computeIfAbsent(1L, k -> new CopyOnWriteArrayList<>()).add(n);
                });
            }
            assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
            executor.submit(2L, otherChatDone::countDown);
            assertThat(otherChatDone.await(5, TimeUnit.SECONDS)).as("chat 2 is not held up by chat 1").isTrue();
            assertThat(seen.get(1L)).isNull();
            release.countDown();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (executor.busyKeys() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        assertThat(seen.get(1L)).hasSize(49).isSorted();
    }

    @Test
    void shutdownLetsTasksQueuedBehindARunningOneFinish() throws Exception {
        ChatSerialExecutor executor = new ChatSerialExecutor(2, "test");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        executor.submit(1L, () -> {
            started.countDown();
            await(release);
            ran.add(1);
        });
        executor.submit(1L, () -> ran.add(2));
        executor.submit(1L, () -> ran.add(3));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        Thread stopper = new Thread(() -> executor.shutdown(10));
        stopper.start();
        Thread.sleep(200); // shutdown has begun while 2 and 3 wait behind 1
        release.countDown();
        stopper.join(15_000);
        assertThat(ran).as("updates queued before shutdown are handled, not dropped").containsExactly(1, 2, 3);
        assertThat(executor.busyKeys()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
