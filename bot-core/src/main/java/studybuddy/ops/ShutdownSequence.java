package studybuddy.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that owns the order of stopping: a single JVM shutdown hook (hooks registered separately run in
 * parallel, which once let the embedded PostgreSQL stop under a sweep that then waited for it forever) runs the
 * steps in the order they were added, each bounded by its own limit and all of them by one budget, so SIGTERM or
 * Ctrl-C ends the process in time whatever a step is stuck on. A step that overruns is left behind (its thread is
 * a daemon) and the next one starts.
 */
public final class ShutdownSequence {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSequence.class);
    private static final long MIN_STEP_NANOS = 1_000_000;

    /** A step that may throw; a failure is logged and the sequence goes on. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private record Named(String name, Duration limit, Step step) {
    }

    private final Duration budget;
    private final List<Named> steps = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);

    /** {@code budget}: the most the whole sequence may take (stay under the platform's kill timeout). */
    public ShutdownSequence(Duration budget) {
        this.budget = budget;
    }

    /** Adds the next step; {@code limit} is the most it may take. */
    public synchronized ShutdownSequence then(String name, Duration limit, Step step) {
        steps.add(new Named(name, limit, step));
        return this;
    }

    /** Registers the sequence as the process's shutdown hook (SIGTERM, Ctrl-C, System.exit). */
    public ShutdownSequence installHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::run, "study-buddy-shutdown"));
        return this;
    }

    /** Runs the steps once (later calls wait for the first); returns when all ended or the budget is spent. */
    public void run() {
        if (!started.compareAndSet(false, true)) {
            awaitDone();
            return;
        }
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        List<Named> toRun;
        synchronized (this) {
            toRun = List.copyOf(steps);
        }
        List<String> late = new ArrayList<>();
        try {
            for (Named s : toRun) {
                long left = deadline - System.nanoTime();
                if (left < MIN_STEP_NANOS) { // less than a millisecond left is no time for a step
                    late.add(s.name() + " (skipped: no time left)");
                    continue;
                }
                long allowed = Math.min(left, s.limit().toNanos());
                Thread t = new Thread(() -> {
                    try {
                        s.step().run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception | Error e) {
                        log.warn("Stopping {} failed: {}", s.name(), e.toString());
                    }
                }, "shutdown-" + s.name());
                t.setDaemon(true);
                t.start();
                try {
                    // to the nanosecond: a join cut to whole milliseconds returns just before the budget ends
                    t.join(allowed / 1_000_000, (int) (allowed % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (t.isAlive()) {
                    log.warn("Stopping {} took longer than {} ms; going on without it", s.name(), allowed / 1_000_000);
                    t.interrupt();
                    late.add(s.name());
                }
            }
        } finally {
            log.info("Stopped in {} ms{}", (System.nanoTime() - start) / 1_000_000,
                    late.isEmpty() ? "" : " (cut short: " + String.join(", ", late) + ")");
            done.countDown();
        }
    }

    /** Blocks until the sequence has run (a main thread keeping the process alive waits here). */
    public void awaitDone() {
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean started() {
        return started.get();
    }

    /** A start-up that cannot go on: says why on stderr, stops what had started, returns the exit code. */
    public int fail(int exitCode, String message) {
        System.err.println(message);
        run();
        return exitCode;
    }

    /** Runs a stop step on a part only if start-up got as far as creating it. */
    public static <T> void ifSet(java.util.concurrent.atomic.AtomicReference<T> ref,
                                 java.util.function.Consumer<T> action) {
        T value = ref.get();
        if (value != null) {
            action.accept(value);
        }
    }
}
