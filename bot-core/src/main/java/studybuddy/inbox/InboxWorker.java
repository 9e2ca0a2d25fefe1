package studybuddy.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.storage.Database;

/**
 * Handles a platform's inbox: claims the head of each chat's queue ({@link Inbox#claim}), runs the adapter's
 * {@link Handler} on a small pool, and marks each update handled once its answer went out. Any number of instances
 * can run one each; a crashed one's claims pass to the others when their lease runs out.
 *
 * <p>While the database is away, an update whose handling hit the outage gets the adapter's "database away"
 * notice (once) and is handed back when the database returns, so its real answer follows. An update whose answer
 * went out but could not be marked handled is marked as soon as the database takes it, never run again by this
 * instance. What remains: a crash between an answer and its mark runs that one update again elsewhere.
 */
public final class InboxWorker implements AutoCloseable {
    /** How the adapter handles an update. */
    public interface Handler {
        /** Handles one update completely (runs the command, sends the answer); throws to leave it unhandled. */
        void handle(InboxEntry entry);

        /** Tells the user behind the update that the database is away and the answer will follow. */
        void databaseDown(InboxEntry entry);
    }

    /** An update tried this often without being handled is given up (logged): it must not block its chat. */
    static final int MAX_ATTEMPTS = 5;
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration OUTAGE_POLL = Duration.ofSeconds(1);
    private static final Duration PRUNE_EVERY = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);

    private final Inbox inbox;
    private final InboxIntake intake;
    private final String platform;
    private final Handler handler;
    private final Clock clock;
    private final int threads;
    private final Duration lease;
    private final Duration keepHandled;
    private final String owner;
    private final ExecutorService pool;
    private final AtomicInteger busy = new AtomicInteger();
    private final Object signal = new Object();
    /** Updates whose handling hit the outage: handed back once the database is back. */
    private final Set<Long> setAside = ConcurrentHashMap.newKeySet();
    /** Updates answered but not yet marked handled (the database went away in between). */
    private final Set<Long> answered = ConcurrentHashMap.newKeySet();
    /** Updates whose user was told the database is away (so they are told once). */
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private volatile boolean aborted;
    private volatile boolean wake;
    private Thread poller;
    private Instant lastPrune = Instant.MIN;
    private boolean outageLogged;

    /**
     * @param lease       how long a claim holds before another instance may take the update over
     * @param keepHandled how long handled updates are kept to recognise re-deliveries (then pruned)
     */
    public InboxWorker(Inbox inbox, InboxIntake intake, String platform, Handler handler, Clock clock, int threads,
                       Duration lease, Duration keepHandled) {
        this.inbox = inbox;
        this.intake = intake;
        this.platform = platform;
        this.handler = handler;
        this.clock = clock;
        this.threads = threads;
        this.lease = lease;
        this.keepHandled = keepHandled;
        this.owner = platform + "-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, platform + "-inbox-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        intake.onStored(this::wake);
    }

    public synchronized InboxWorker start() {
        if (poller == null) {
            running = true;
            poller = new Thread(this::loop, platform + "-inbox-poller");
            poller.setDaemon(true);
            poller.start();
        }
        return this;
    }

    /** Claims again now (new updates were stored, or one was handled and its chat's next may go). */
    public void wake() {
        synchronized (signal) {
            wake = true;
            signal.notifyAll();
        }
    }

    /** Updates being handled right now. */
    public int busy() {
        return busy.get();
    }

    private void loop() {
        while (running) {
            Duration pause = IDLE_POLL;
            try {
                intake.flush();
                markAnswered();
                if (!setAside.isEmpty()) {
                    List<Long> ids = List.copyOf(setAside);
                    inbox.release(ids, owner);
                    setAside.removeAll(ids);
                }
                int free = threads - busy.get();
                List<InboxEntry> claimed = inbox.claim(platform, owner, free, clock.instant(), lease);
                if (outageLogged) {
                    log.info("Database reachable again: {} inbox handling resumed", platform);
                    outageLogged = false;
                }
                for (InboxEntry entry : claimed) {
                    busy.incrementAndGet();
                    pool.execute(() -> run(entry));
                }
                prune();
                if (!claimed.isEmpty() && busy.get() < threads) {
                    continue; // more chats may be waiting
                }
            } catch (RuntimeException e) {
                if (Database.isUnavailable(e)) {
                    if (!outageLogged) {
                        log.warn("Database unreachable: {} inbox handling paused until it is back ({})", platform,
                                e.getMessage());
                        outageLogged = true;
                    }
                    pause = OUTAGE_POLL;
                } else if (running) {
                    log.error("Claiming {} inbox updates failed; retrying in 1 s: {}", platform, e.toString(), e);
                    pause = OUTAGE_POLL;
                }
            }
            await(pause);
        }
    }

    private void run(InboxEntry entry) {
        try {
            if (entry.attempts() > MAX_ATTEMPTS) {
                log.error("Gave up {} update {} of chat {} after {} attempts; marked handled", platform, entry.key(),
                        entry.chatId(), entry.attempts() - 1);
            } else {
                handler.handle(entry);
            }
            if (aborted) {
                return; // as after a crash: the answer may be out, the mark is not
            }
            answered.add(entry.id());
            inbox.handled(entry.id(), clock.instant());
            answered.remove(entry.id());
            told.remove(entry.key());
        } catch (RuntimeException e) {
            if (!running) {
                return; // stopped mid-way: the lease hands it to the next instance
            }
            if (answered.contains(entry.id())) {
                log.warn("{} update {} answered but not marked handled yet (database away); marking it later",
                        platform, entry.key());
            } else if (Database.isUnavailable(e)) {
                setAside.add(entry.id());
                if (told.add(entry.key())) {
                    try {
                        handler.databaseDown(entry);
                    } catch (RuntimeException notice) {
                        log.warn("Could not tell {} chat {} that the database is away: {}", platform, entry.chatId(),
                                notice.toString());
                    }
                }
            } else {
                // A bug or an unreadable update: logged, left for a retry (up to MAX_ATTEMPTS) after its lease.
                log.error("Handling {} update {} of chat {} failed (attempt {}): {}", platform, entry.key(),
                        entry.chatId(), entry.attempts(), e.toString(), e);
            }
        } finally {
            busy.decrementAndGet();
            wake();
        }
    }

    private void markAnswered() {
        for (Long id : List.copyOf(answered)) {
            inbox.handled(id, clock.instant());
            answered.remove(id);
        }
    }

    private void prune() {
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).compareTo(PRUNE_EVERY) >= 0) {
            lastPrune = now;
            int pruned = inbox.prune(now.minus(keepHandled));
            if (pruned > 0) {
                log.info("Pruned {} handled inbox updates older than {}", pruned, keepHandled);
            }
        }
    }

    private void await(Duration pause) {
        synchronized (signal) {
            if (!wake && running) {
                try {
                    signal.wait(pause.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wake = false;
        }
    }

    /** Stops claiming, lets the updates in hand finish (up to {@code seconds}), then stops. */
    public void stop(long seconds) {
        Thread p;
        synchronized (this) {
            p = poller;
            poller = null;
        }
        if (p == null) {
            return;
        }
        running = false;
        wake();
        try {
            p.join(TimeUnit.SECONDS.toMillis(seconds));
            pool.shutdown();
            if (!pool.awaitTermination(seconds, TimeUnit.SECONDS)) {
                log.warn("{} inbox updates still running after {} s; stopping them (their leases hand them on)",
                        platform, seconds);
                pool.shutdownNow();
            }
            markAnswered();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("{} inbox: {} answered updates not marked handled at stop: {}", platform, answered.size(),
                    e.toString());
        }
    }

    /** Stops at once, as a crash would: nothing more is marked, updates in hand stay claimed until their lease. */
    public void abort() {
        aborted = true;
        running = false;
        Thread p = poller;
        if (p != null) {
            p.interrupt();
        }
        pool.shutdownNow();
    }

    @Override
    public void close() {
        stop(10);
    }
}
