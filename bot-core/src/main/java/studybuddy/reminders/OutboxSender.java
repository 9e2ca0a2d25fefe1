package studybuddy.reminders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.Map;
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
 * accepted it ({@link SendResult.Sent}); a 429 defers it (next_attempt_at), a failure backs off exponentially
 * up to {@link #MAX_ATTEMPTS}, an unreachable learner is marked so and their messages are given up.
 */
public final class OutboxSender {
    public static final int MAX_ATTEMPTS = 8;
    public static final Duration LEASE = Duration.ofMinutes(2);
    /** A claimed row is not sent when less than this is left of its lease (the send itself takes time). */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(20);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final long PROGRESS_EVERY_NANOS = 10_000_000_000L;
    private final List<BiConsumer<String, String>> chatGoneListeners = new CopyOnWriteArrayList<>();

    /** What one drain did. */
    public record Stats(int sent, int deferred, int failed, int unreachable) {
    }

    private final Outbox outbox;
    private final Function<String, MessageSender> senders;
    private final LearnerRepository learners;
    private final Clock clock;
    private final int batchSize;
    private volatile boolean stopping;

    public OutboxSender(Database db, Function<String, MessageSender> senders, LearnerRepository learners, Clock clock,
                        int batchSize) {
        this.outbox = new Outbox(db);
        this.senders = senders;
        this.learners = learners;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public OutboxSender(Database db, Map<String, MessageSender> senders, LearnerRepository learners, Clock clock) {
        this(db, senders::get, learners, clock, 100);
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

    /** Sends everything due now; returns when nothing due is left (or on {@link #stop()}). */
    public Stats drain() {
        int sent = 0;
        int deferred = 0;
        int failed = 0;
        int unreachable = 0;
        long started = System.nanoTime();
        long lastProgress = started;
        while (!stopping) {
            // A long fan-out says how far it got, every 10 s (real time: this is about the operator's patience).
            if (System.nanoTime() - lastProgress > PROGRESS_EVERY_NANOS) {
                lastProgress = System.nanoTime();
                double seconds = (lastProgress - started) / 1e9;
                log.info("Outbox fan-out: {} sent, {} deferred, {} failed, {} unreachable in {} s ({} msgs/s)", sent,
                        deferred, failed, unreachable, Math.round(seconds), Math.round(sent / seconds));
            }
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(LEASE);
            List<Outbox.Claimed> batch = outbox.claim(batchSize, now, leaseUntil);
            if (batch.isEmpty()) {
                break;
            }
            List<Long> untouched = new ArrayList<>(batch.stream().map(Outbox.Claimed::id).toList());
            boolean leaseLost = false;
            for (Outbox.Claimed row : batch) {
                if (stopping) {
                    break;
                }
                if (clock.instant().isAfter(leaseUntil.minus(LEASE_MARGIN))) {
                    // slow sends ate the lease: another sender may have claimed the rest, so this one must not
                    // send them; whatever nobody took is claimed again (with a fresh lease) by the next round
                    log.warn("Outbox lease of {} rows (nearly) ran out while sending; claiming again", untouched.size());
                    leaseLost = true;
                    break;
                }
                untouched.remove(row.id());
                MessageSender sender = senders.apply(row.platform());
                if (sender == null) {
                    log.warn("No sender for platform {}: outbox message {} waits; register the platform's MessageSender",
                            row.platform(), row.id());
                    outbox.defer(row.id(), clock.instant().plus(Duration.ofMinutes(1)), "no sender for " + row.platform());
                    deferred++;
                    continue;
                }
                SendResult result = sender.send(new OutgoingMessage(row.platform(), row.chatId(), row.direct(),
                        new Reply(row.body(), List.of(), row.buttons(), false,
                                row.attachment() == null ? List.of() : List.of(row.attachment())), row.poll()));
                Instant after = clock.instant();
                if (result instanceof SendResult.Sent) {
                    outbox.markSent(row.id(), after);
                    sent++;
                } else if (result instanceof SendResult.RetryAfter r) {
                    outbox.defer(row.id(), after.plus(r.delay()), "retry after " + r.delay());
                    deferred++;
                } else if (result instanceof SendResult.Unreachable u) {
                    if (row.learnerId() != null) {
                        log.info("Learner {} on {} is unreachable ({}): reminders paused until they come back",
                                row.learnerId(), row.platform(), u.reason());
                        learners.setReachable(row.learnerId(), false, u.reason());
                    } else {
                        log.info("Chat {} on {} is unreachable ({}): the bot was removed or lost its rights there",
                                row.chatId(), row.platform(), u.reason());
                        chatGoneListeners.forEach(l -> l.accept(row.platform(), row.chatId()));
                    }
                    outbox.unreachable(row, u.reason());
                    unreachable++;
                } else {
                    String reason = result instanceof SendResult.Failed f ? f.reason() : String.valueOf(result);
                    if (row.attempts() + 1 >= MAX_ATTEMPTS) {
                        log.warn("Gave up outbox message {} to {} chat {} after {} attempts: {}", row.id(),
                                row.platform(), row.chatId(), MAX_ATTEMPTS, reason);
                    }
                    outbox.failed(row.id(), after.plus(backoff(row.attempts())), reason, MAX_ATTEMPTS);
                    failed++;
                }
            }
            if (stopping && !leaseLost && clock.instant().isBefore(leaseUntil)) {
                outbox.release(untouched);
            }
        }
        if (System.nanoTime() - started > PROGRESS_EVERY_NANOS) {
            log.info("Outbox fan-out done: {} sent, {} deferred, {} failed, {} unreachable in {} s", sent, deferred,
                    failed, unreachable, Math.round((System.nanoTime() - started) / 1e9));
        }
        return new Stats(sent, deferred, failed, unreachable);
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
