package studybuddy.reminders;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox on its own thread, apart from the sweep: planning, reminders and check-ins never wait for a
 * fan-out to drain. Every instance runs one; the one holding the cluster's sender lease (table outbox_sender,
 * {@link #SENDER_LEASE}, renewed about every second while it drains) sends, so there is still one paced sender
 * per platform token; a holder that dies or freezes loses it within seconds and another instance takes over.
 *
 * <p>Each drain is time-boxed ({@link #TIME_BOX}); between drains the worker sleeps until the next row comes due
 * (at most {@link #POLL}), so a message a platform asked to retry after 3 s goes out after 3 s. While nothing
 * is due it only reads (one index probe a second) and holds no lease, so an idle bot writes nothing.
 */
public final class OutboxWorker implements AutoCloseable {
    static final Duration SENDER_LEASE = Duration.ofSeconds(6);
    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration TIME_BOX = Duration.ofSeconds(20);
    private static final Duration MIN_WAIT = Duration.ofMillis(10);
    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private final OutboxSender sender;
    private final Outbox outbox;
    private final String holder = UUID.randomUUID().toString();
    private final Object wake = new Object();
    private volatile boolean running;
    private Thread thread;
    private boolean holding;
    private long failingSince;

    public OutboxWorker(OutboxSender sender) {
        this.sender = sender;
        this.outbox = sender.outbox();
    }

    /** Starts the worker thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        sender.resume();
        thread = new Thread(this::loop, "outbox-worker");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            Duration wait;
            try {
                wait = step();
                if (failingSince != 0) {
                    log.info("Outbox worker running again after {} ms of database errors",
                            System.currentTimeMillis() - failingSince);
                    failingSince = 0;
                }
            } catch (RuntimeException e) {
                if (failingSince == 0) {
                    failingSince = System.currentTimeMillis();
                    log.warn("Outbox worker failed ({}); trying again every {} ms", e.toString(), POLL.toMillis());
                }
                wait = POLL;
            }
            synchronized (wake) {
                if (running && !wait.isZero()) {
                    try {
                        wake.wait(Math.max(1, wait.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    /**
     * One round: take or renew the sender lease, drain for at most the time box, and say how long to wait before
     * the next round (until the next row comes due, at most {@link #POLL}).
     */
    Duration step() {
        Instant now = sender.clock().instant();
        Optional<Instant> next = outbox.nextDue(now, sender.platforms());
        if (next.isEmpty() || next.get().isAfter(now)) {
            return until(now, next); // nothing due: a read, no lease taken, nothing written while idle
        }
        if (renew(now) == null) {
            return POLL; // another instance sends
        }
        OutboxSender.Stats stats = sender.drain(TIME_BOX, this::renew);
        now = sender.clock().instant();
        next = outbox.nextDue(now, sender.platforms());
        if (next.isPresent() && Duration.between(now, next.get()).compareTo(MIN_WAIT) < 0) {
            // due now: go again at once after a drain that made progress (its time box ended), else poll
            return stats.sent() + stats.deferred() + stats.failed() + stats.unreachable() > 0 ? Duration.ZERO
                    : POLL.dividedBy(4);
        }
        return until(now, next);
    }

    private static Duration until(Instant now, Optional<Instant> next) {
        if (next.isEmpty()) {
            return POLL;
        }
        Duration d = Duration.between(now, next.get());
        return d.compareTo(POLL) > 0 ? POLL : d.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : d;
    }

    // The cluster's sender lease: until when this instance holds it, or null when another one does.
    private Instant renew(Instant now) {
        Optional<Instant> until = outbox.holdSender(sender.senderLease(), holder, now, now.plus(SENDER_LEASE));
        if (until.isPresent() != holding) {
            holding = until.isPresent();
            // debug: an idle sender lets its lease lapse, so this changes at every fan-out
            log.debug(holding ? "This instance now sends the outbox (sender lease {})"
                    : "Another instance sends the outbox now (this one is {})", holder);
        }
        return until.orElse(null);
    }

    /** Looks for due rows now instead of at the next poll (something a person waits for was just queued). */
    public void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Stops sending: a running drain hands back what it claimed, the sender lease is given up. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
            running = false;
        }
        if (t == null) {
            return;
        }
        sender.stop();
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            t.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            outbox.releaseSender(sender.senderLease(), holder);
        } catch (RuntimeException e) {
            log.warn("Could not give the outbox sender lease up ({}); another instance takes over within {} s",
                    e.toString(), SENDER_LEASE.toSeconds());
        }
    }
}
