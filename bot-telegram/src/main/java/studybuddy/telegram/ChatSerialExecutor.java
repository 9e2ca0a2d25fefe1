package studybuddy.telegram;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a fixed pool, one at a time and in submission order per key (a chat), different keys in
 * parallel. Submitting never blocks; a failing task is logged and does not hold up the ones after it.
 */
public final class ChatSerialExecutor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatSerialExecutor.class);

    private final ExecutorService pool;
    private final Map<Object, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    public ChatSerialExecutor(int threads, String name) {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues a task behind the earlier tasks of the same key. */
    public void submit(Object key, Runnable task) {
        CompletableFuture<Void> next = tails.compute(key, (k, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .handle((ok, failed) -> null)
                        .thenRunAsync(() -> run(k, task), pool));
        next.whenComplete((ok, failed) -> tails.remove(key, next));
    }

    /** Keys with queued or running tasks (for tests and monitoring). */
    public int busyKeys() {
        return tails.size();
    }

    private static void run(Object key, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.error("Telegram update for chat {} failed and was skipped: {}", key, e.toString(), e);
        }
    }

    /**
     * Waits up to {@code seconds} for the queued tasks, then stops. The pool is shut down only once every chat's
     * queue has drained: a task waiting behind a running one of its chat is handed to the pool only when that one
     * ends, and a pool shut down earlier would reject it (the update would be lost).
     */
    public void shutdown(long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try {
            while (!tails.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            pool.shutdown();
            if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("Telegram update workers still busy after {} s; stopping them", seconds);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        shutdown(10);
    }
}
