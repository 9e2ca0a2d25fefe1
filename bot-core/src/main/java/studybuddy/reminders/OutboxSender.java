package studybuddy.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Reply;
import studybuddy.learner.LearnerRepository;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.storage.Database;

/**
 * Takes messages from the outbox and hands them to the platforms. A row is marked sent only after the platform
 * accepted it ({@link SendResult.Sent}); a 429 defers it (next_attempt_at, to the second), a failure backs off
 * exponentially up to {@link #MAX_ATTEMPTS}, an unreachable learner is marked so and their messages are given up.
 *
 * <p>Leases are short ({@link #LEASE}) and the live drain renews them about every second, so the rows of a
 * sender that died or froze are free again within seconds; a drain never starts a send with less than
 * {@link #LEASE_MARGIN} of its lease left, and it hands back what it did not send when it stops, when its time
 * box ends or when the database fails it (as soon as the database takes the write).
 *
 * <p>Results are written by a recorder thread, in batches (one transaction for whatever accumulated while the
 * previous one committed): at 30 msg/s that is about one per send, under a burst many per commit. A result the
 * database cannot take (an outage) stays in memory, its row still leased, and is written when the database is
 * back, instead of the row being sent again; a drain does not claim anything new while results wait.
 */
public final class OutboxSender {
    public static final int MAX_ATTEMPTS = 8;
    /** How long a claim holds unless renewed: a dead sender's rows are taken over after this. */
    public static final Duration LEASE = Duration.ofSeconds(10);
    /** How often a drain renews its leases (rows and the sender lease). */
    static final Duration RENEW_EVERY = Duration.ofSeconds(1);
    /** A claimed row is not sent when less than this is left of its lease (the send itself takes time). */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(3);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final long RECORD_RETRY_MILLIS = 250;
    /** How long (real time) a drain waits for its results to be written before it returns. */
    private static final long RECORD_WAIT_MILLIS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;
    private final List<BiConsumer<String, String>> chatGoneListeners = new CopyOnWriteArrayList<>();

    /** What one drain did. */
    public record Stats(int sent, int deferred, int failed, int unreachable) {
    }

    /**
     * The right to send, held across the cluster (the outbox worker's sender lease): renewed with the rows'
     * leases; answers until when it holds, or null once another instance has it.
     */
    @FunctionalInterface
    public interface Guard {
        Guard ALWAYS = now -> Instant.MAX;

        Instant renew(Instant now);
    }

    private final Database db;
    private final Outbox outbox;
    private final Function<String, MessageSender> senders;
    /** The platforms this instance can send (null: any); rows of others are left to their own instances. */
    private final java.util.function.Supplier<java.util.Set<String>> platforms;
    private final LearnerRepository learners;
    private final Clock clock;
    private final int batchSize;
    private final Recorder recorder = new Recorder();
    private volatile boolean stopping;

    public OutboxSender(Database db, Function<String, MessageSender> senders, LearnerRepository learners, Clock clock,
                        int batchSize) {
        this(db, senders, null, learners, clock, batchSize);
    }

    public OutboxSender(Database db, Function<String, MessageSender> senders,
                        java.util.function.Supplier<java.util.Set<String>> platforms, LearnerRepository learners,
                        Clock clock, int batchSize) {
        this.db = db;
        this.platforms = platforms;
        this.outbox = new Outbox(db);
        this.senders = senders;
        this.learners = learners;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public OutboxSender(Database db, Map<String, MessageSender> senders, LearnerRepository learners, Clock clock) {
        // 50 rows a claim: under two seconds at Telegram's 30 msg/s, so what comes due meanwhile waits little
        this(db, senders::get, senders::keySet, learners, clock, 50);
    }

    Outbox outbox() {
        return outbox;
    }

    /** The platforms this instance sends, sorted; null when it sends whatever is queued. */
    List<String> platforms() {
        return platforms == null ? null : platforms.get().stream().sorted().toList();
    }

    /** The name of the cluster's sender lease for this instance's platforms. */
    String senderLease() {
        List<String> mine = platforms();
        return mine == null ? Outbox.SENDER : Outbox.SENDER + ":" + String.join(",", mine);
    }

    Clock clock() {
        return clock;
    }

    /** Asks a running {@link #drain()} to hand back what it claimed and return. */
    public void stop() {
        stopping = true;
    }

    /** Lets {@link #drain()} run again after a {@link #stop()} (the scheduler was restarted). */
    public void resume() {
        stopping = false;
    }

    /** Told when a group chat can no longer be written to (the bot was removed), e.g. to stop its check-ins. */
    public void onChatGone(BiConsumer<String, String> listener) {
        chatGoneListeners.add(listener);
    }

    /** How many results are waiting to be written (the database is away). */
    public int unrecorded() {
        return recorder.pending();
    }

    /** Waits (real time) until every result is written; false when the database did not take them in time. */
    public boolean awaitRecorded(Duration max) {
        return recorder.awaitEmpty(max.toMillis());
    }

    /** Sends everything due now; returns when nothing due is left (or on {@link #stop()}). */
    public Stats drain() {
        return drain(null, Guard.ALWAYS);
    }

    /**
     * Sends what is due for at most {@code timeBox} (null: until nothing due is left), while {@code guard} holds;
     * then hands back what it claimed and did not send.
     */
    public Stats drain(Duration timeBox, Guard guard) {
        int sent = 0;
        int deferred = 0;
        int failed = 0;
        int unreachable = 0;
        long started = System.nanoTime();
        long lastProgress = started;
        Instant deadline = timeBox == null ? Instant.MAX : clock.instant().plus(timeBox);
        String token = UUID.randomUUID().toString();
        Set<Long> untouched = new LinkedHashSet<>();
        if (!recorder.awaitEmpty(RECORD_WAIT_MILLIS)) {
            // results of earlier sends are not written yet: claiming now could send one of them again
            log.warn("Outbox: {} send results still wait for the database; not sending more until they are written",
                    recorder.pending());
            return new Stats(0, 0, 0, 0);
        }
        try {
            while (!stopping && clock.instant().isBefore(deadline)) {
                // A long fan-out says how far it got, every 10 s (real time: this is about the operator's patience).
                if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                    lastProgress = System.nanoTime();
                    double seconds = (lastProgress - started) / 1e9;
                    log.info("Outbox fan-out: {} sent, {} deferred, {} failed, {} unreachable in {} s ({} msgs/s)",
                            sent, deferred, failed, unreachable, Math.round(seconds), Math.round(sent / seconds));
                }
                Instant now = clock.instant();
                Instant guardUntil = guard.renew(now);
                if (guardUntil == null || !guardUntil.isAfter(now)) {
                    break; // another instance sends now
                }
                List<Outbox.Claimed> batch = outbox.claim(batchSize, now, now.plus(LEASE), token, platforms());
                if (batch.isEmpty()) {
                    break;
                }
                batch.forEach(row -> untouched.add(row.id()));
                Instant leaseUntil = earlier(guardUntil, now.plus(LEASE));
                Instant renewedAt = now;
                boolean leaseLost = false;
                for (Outbox.Claimed row : batch) {
                    Instant t = clock.instant();
                    if (stopping || !t.isBefore(deadline)) {
                        break;
                    }
                    if (!t.isBefore(renewedAt.plus(RENEW_EVERY))) {
                        renewedAt = t;
                        try {
                            untouched.retainAll(outbox.renew(token, t.plus(LEASE)));
                            Instant g = guard.renew(t);
                            leaseUntil = g == null ? t : earlier(g, t.plus(LEASE));
                        } catch (RuntimeException e) {
                            // the database is away: keep sending on the lease already held, no further
                            log.warn("Outbox lease renewal failed ({}); sending on until the lease ends", e.toString());
                        }
                    }
                    if (!untouched.contains(row.id())) {
                        continue; // another sender took it over (this one was frozen): not ours to send
                    }
                    if (clock.instant().isAfter(leaseUntil.minus(LEASE_MARGIN))) {
                        // the lease (nearly) ran out: another sender may claim the rest, so this one must not
                        // send them; they are handed back and claimed again (with a fresh lease)
                        log.warn("Outbox lease of {} rows (nearly) ran out while sending; claiming again",
                                untouched.size());
                        leaseLost = true;
                        break;
                    }
                    untouched.remove(row.id());
                    MessageSender sender = senders.apply(row.platform());
                    if (sender == null) {
                        log.warn("No sender for platform {}: outbox message {} waits; register the platform's "
                                + "MessageSender", row.platform(), row.id());
                        recorder.submit(new Deferred(row.id(), clock.instant().plus(Duration.ofMinutes(1)),
                                "no sender for " + row.platform(), token));
                        deferred++;
                        continue;
                    }
                    // The row id is the idempotency key: a platform that honours one (Discord's nonce) drops a
                    // repeat of this message.
                    SendResult result = sender.send(new OutgoingMessage(row.platform(), row.chatId(), row.direct(),
                            new Reply(row.body(), List.of(), row.buttons(), false,
                                    row.attachment() == null ? List.of() : List.of(row.attachment())), row.poll()),
                            "sb" + row.id());
                    Instant after = clock.instant();
                    if (result instanceof SendResult.Sent) {
                        recorder.submit(new Sent(row.id(), after));
                        sent++;
                    } else if (result instanceof SendResult.RetryAfter r) {
                        recorder.submit(new Deferred(row.id(), after.plus(r.delay()), "retry after " + r.delay(), token));
                        deferred++;
                    } else if (result instanceof SendResult.Unreachable u) {
                        recorder.submit(new Gone(row, u.reason()));
                        unreachable++;
                    } else {
                        String reason = result instanceof SendResult.Failed f ? f.reason() : String.valueOf(result);
                        if (row.attempts() + 1 >= MAX_ATTEMPTS) {
                            log.warn("Gave up outbox message {} to {} chat {} after {} attempts: {}", row.id(),
                                    row.platform(), row.chatId(), MAX_ATTEMPTS, reason);
                        }
                        recorder.submit(new Failed(row.id(), after.plus(backoff(row.attempts())), reason, token));
                        failed++;
                    }
                }
                if (!untouched.isEmpty()) {
                    // handed back only where this drain still holds them (a sender that took over keeps its
                    // own); when the database is away, as soon as it is back
                    recorder.submit(new Released(List.copyOf(untouched), token));
                }
                untouched.clear();
                if (leaseLost && recorder.pending() > 0) {
                    break; // the database is away: the next round claims again once the results are written
                }
            }
        } catch (RuntimeException e) {
            // The database failed the drain (a claim or a renewal): hand back what was not sent, as soon as the
            // database takes it; results already in hand are written then too.
            if (!untouched.isEmpty()) {
                recorder.submit(new Released(List.copyOf(untouched), token));
            }
            log.warn("Outbox drain stopped on a database error ({}); {} claimed rows handed back when it is back",
                    e.toString(), untouched.size());
            throw e;
        } finally {
            recorder.awaitEmpty(RECORD_WAIT_MILLIS);
        }
        if (System.nanoTime() - started > PROGRESS_EVERY_NANOS) {
            log.info("Outbox fan-out done: {} sent, {} deferred, {} failed, {} unreachable in {} s", sent, deferred,
                    failed, unreachable, Math.round((System.nanoTime() - started) / 1e9));
        }
        return new Stats(sent, deferred, failed, unreachable);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    // ---- what a send came to, waiting to be written ----

    private sealed interface Outcome {
    }

    private record Sent(long id, Instant at) implements Outcome {
    }

    private record Deferred(long id, Instant until, String why, String token) implements Outcome {
    }

    private record Failed(long id, Instant retryAt, String why, String token) implements Outcome {
    }

    private record Gone(Outbox.Claimed row, String why) implements Outcome {
    }

    private record Released(List<Long> ids, String token) implements Outcome {
    }

    /**
     * Writes outcomes in the background, each batch in one transaction; on a database error keeps them and
     * tries again every 250 ms. Its thread ends when idle for a while and starts again with the next outcome.
     */
    private final class Recorder implements Runnable {
        private final Deque<Outcome> queue = new ArrayDeque<>();
        private int writing;
        private Thread thread;

        synchronized void submit(Outcome outcome) {
            queue.add(outcome);
            if (thread == null) {
                thread = new Thread(this, "outbox-recorder");
                thread.setDaemon(true);
                thread.start();
            }
            notifyAll();
        }

        synchronized int pending() {
            return queue.size() + writing;
        }

        synchronized boolean awaitEmpty(long millis) {
            long end = System.currentTimeMillis() + millis;
            while (!queue.isEmpty() || writing > 0) {
                long left = end - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }

        @Override
        public void run() {
            long failingSince = 0;
            while (true) {
                List<Outcome> batch;
                synchronized (this) {
                    long idleUntil = System.currentTimeMillis() + 5_000;
                    while (queue.isEmpty()) {
                        long left = idleUntil - System.currentTimeMillis();
                        if (left <= 0) {
                            thread = null;
                            return;
                        }
                        try {
                            wait(left);
                        } catch (InterruptedException e) {
                            thread = null;
                            return;
                        }
                    }
                    batch = new ArrayList<>(queue);
                    queue.clear();
                    writing = batch.size();
                }
                try {
                    write(batch);
                    if (failingSince != 0) {
                        log.info("Outbox results written again after a {} ms database outage",
                                System.currentTimeMillis() - failingSince);
                        failingSince = 0;
                    }
                    afterWrite(batch);
                    synchronized (this) {
                        writing = 0;
                        notifyAll();
                    }
                } catch (RuntimeException e) {
                    if (failingSince == 0) {
                        failingSince = System.currentTimeMillis();
                        log.warn("Could not write {} outbox results ({}); kept in memory and retried until the "
                                + "database is back", batch.size(), e.toString());
                    }
                    synchronized (this) {
                        for (int i = batch.size() - 1; i >= 0; i--) {
                            queue.addFirst(batch.get(i));
                        }
                        writing = 0;
                        notifyAll();
                        try {
                            wait(RECORD_RETRY_MILLIS);
                        } catch (InterruptedException ie) {
                            thread = null;
                            return;
                        }
                    }
                }
            }
        }

        private void write(List<Outcome> batch) {
            db.inUnitOfWork(() -> {
                List<Long> sentIds = new ArrayList<>();
                List<Instant> sentAt = new ArrayList<>();
                for (Outcome o : batch) {
                    if (o instanceof Sent s) {
                        sentIds.add(s.id());
                        sentAt.add(s.at());
                    }
                }
                outbox.markSent(sentIds, sentAt);
                for (Outcome o : batch) {
                    if (o instanceof Deferred d) {
                        outbox.defer(d.id(), d.until(), d.why(), d.token());
                    } else if (o instanceof Failed f) {
                        outbox.failed(f.id(), f.retryAt(), f.why(), MAX_ATTEMPTS, f.token());
                    } else if (o instanceof Gone g) {
                        outbox.unreachable(g.row(), g.why());
                    } else if (o instanceof Released r) {
                        outbox.release(r.ids(), r.token());
                    }
                }
                return null;
            });
        }

        // What an unreachable chat means beyond the outbox: told once its rows are given up.
        private void afterWrite(List<Outcome> batch) {
            for (Outcome o : batch) {
                if (!(o instanceof Gone g)) {
                    continue;
                }
                Outbox.Claimed row = g.row();
                try {
                    if (row.learnerId() != null) {
                        log.info("Learner {} on {} is unreachable ({}): reminders paused until they come back",
                                row.learnerId(), row.platform(), g.why());
                        learners.setReachable(row.learnerId(), false, g.why());
                    } else {
                        log.info("Chat {} on {} is unreachable ({}): the bot was removed or lost its rights there",
                                row.chatId(), row.platform(), g.why());
                        chatGoneListeners.forEach(l -> l.accept(row.platform(), row.chatId()));
                    }
                } catch (RuntimeException e) {
                    log.warn("Could not record that {} chat {} is unreachable: {}", row.platform(), row.chatId(),
                            e.toString());
                }
            }
        }
    }
}
