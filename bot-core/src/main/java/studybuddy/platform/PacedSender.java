package studybuddy.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces one platform's raw {@link MessageSender} to the platform's limits: a token budget for the whole
 * platform (Telegram ~30 msg/s, Discord 50 req/s) and a minimum interval per chat (Telegram: 1/s in a private
 * chat, 20/min in a group). It never sleeps long: when a message would have to wait more than
 * {@code maxWait}, or the platform said 429, it answers {@link SendResult.RetryAfter} so the caller defers
 * that outbox row (next_attempt_at) and moves on. A 429 pauses the whole platform for the delay asked.
 * The budget is per process; one instance at a time sends the outbox (the outbox worker holding the cluster's
 * sender lease), so that is the bot's.
 */
public final class PacedSender implements MessageSender {

    /** A platform's limits. {@code perChat}/{@code perGroup}: minimum interval between two messages to one chat. */
    public record Limits(double perSecond, int burst, Duration perChat, Duration perGroup) {
        public static final Limits TELEGRAM = new Limits(30, 30, Duration.ofSeconds(1), Duration.ofSeconds(3));
        public static final Limits DISCORD = new Limits(50, 50, Duration.ofMillis(200), Duration.ofMillis(200));
        public static final Limits UNLIMITED = new Limits(1_000_000, 1_000_000, Duration.ZERO, Duration.ZERO);

        public static Limits forPlatform(String platform) {
            return switch (platform) {
                case "telegram" -> TELEGRAM;
                case "discord" -> DISCORD;
                default -> UNLIMITED;
            };
        }
    }

    /** How the sender waits for its next token (a test can advance a virtual clock instead). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final MessageSender raw;
    private final Limits limits;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Map<String, Instant> nextPerChat = new HashMap<>();
    private final AtomicLong rateLimited = new AtomicLong();
    private double tokens;
    private Instant refilledAt;
    private Instant pausedUntil = Instant.MIN;

    public PacedSender(MessageSender raw, Limits limits, Clock clock, Sleeper sleeper, Duration maxWait) {
        this.raw = raw;
        this.limits = limits;
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.tokens = Math.min(limits.burst(), 1);
        this.refilledAt = clock.instant();
    }

    public PacedSender(MessageSender raw, Clock clock) {
        this(raw, Limits.forPlatform(raw.platform()), clock, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000),
                Duration.ofSeconds(2));
    }

    @Override
    public String platform() {
        return raw.platform();
    }

    /** How many times the platform answered 429 through this sender. */
    public long rateLimitedCount() {
        return rateLimited.get();
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        return send(message, null);
    }

    @Override
    public SendResult send(OutgoingMessage message, String idempotencyKey) {
        Duration wait;
        synchronized (this) {
            Instant now = clock.instant();
            if (now.isBefore(pausedUntil)) {
                return new SendResult.RetryAfter(Duration.between(now, pausedUntil));
            }
            Instant chatFree = nextPerChat.get(message.chatId());
            if (chatFree != null && now.isBefore(chatFree)) {
                return new SendResult.RetryAfter(Duration.between(now, chatFree));
            }
            refill(now);
            // reserve a token; a negative balance is the queue of reservations ahead of this one
            tokens -= 1;
            wait = tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens / limits.perSecond() * 1e9));
            if (wait.compareTo(maxWait) > 0) {
                tokens += 1;
                return new SendResult.RetryAfter(wait);
            }
            Duration interval = message.direct() ? limits.perChat() : limits.perGroup();
            if (!interval.isZero()) {
                nextPerChat.put(message.chatId(), now.plus(wait).plus(interval));
                if (nextPerChat.size() > 50_000) {
                    forgetIdleChats(now);
                }
            }
        }
        if (!wait.isZero()) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SendResult.RetryAfter(wait);
            }
        }
        SendResult result = idempotencyKey == null ? raw.send(message) : raw.send(message, idempotencyKey);
        if (result instanceof SendResult.RetryAfter r) {
            rateLimited.incrementAndGet();
            synchronized (this) {
                Instant until = clock.instant().plus(r.delay());
                if (until.isAfter(pausedUntil)) {
                    pausedUntil = until;
                }
                tokens = Math.min(tokens, 0);
            }
        }
        return result;
    }

    private void refill(Instant now) {
        long nanos = Duration.between(refilledAt, now).toNanos();
        if (nanos > 0) {
            tokens = Math.min(limits.burst(), tokens + nanos / 1e9 * limits.perSecond());
            refilledAt = now;
        }
    }

    private void forgetIdleChats(Instant now) {
        for (Iterator<Instant> it = nextPerChat.values().iterator(); it.hasNext(); ) {
            if (it.next().isBefore(now)) {
                it.remove();
            }
        }
    }
}
