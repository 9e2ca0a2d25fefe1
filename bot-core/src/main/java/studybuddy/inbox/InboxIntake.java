package studybuddy.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.storage.Database;

/**
 * Where an adapter hands each incoming update, before it acknowledges it: the update is written to the
 * {@link Inbox}, or, while the database is away, held in memory (in arrival order) and written as soon as it is
 * back. An update held for the first time is {@link Outcome#HELD_NEW}: the adapter tells the user the database is
 * away; a re-delivery of one still held is {@link Outcome#HELD_AGAIN} and is not told twice.
 */
public final class InboxIntake {
    /** What became of an update. */
    public enum Outcome {
        /** Written to the inbox: acknowledge it. */
        STORED,
        /** Already in the inbox (a re-delivery): acknowledge it, nothing else. */
        DUPLICATE,
        /** The database is away: held in memory for the first time; tell the user. */
        HELD_NEW,
        /** The database is away: already held; the user was told. */
        HELD_AGAIN;

        public boolean durable() {
            return this == STORED || this == DUPLICATE;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(InboxIntake.class);

    private final Inbox inbox;
    private final Clock clock;
    private final Map<String, IncomingUpdate> held = new LinkedHashMap<>();
    private volatile Runnable onStored = () -> { };

    public InboxIntake(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /** Called after updates were written (the worker claims them at once instead of at its next poll). */
    public void onStored(Runnable listener) {
        this.onStored = listener;
    }

    /**
     * Writes the update, or holds it while the database is away. Updates held earlier are written first, so a
     * chat's order is kept. A failure other than an unreachable database is thrown (the update cannot be stored).
     */
    public Outcome accept(IncomingUpdate update) {
        Outcome outcome;
        synchronized (this) {
            String key = key(update);
            if (!held.isEmpty()) {
                flushHeld();
                if (!held.isEmpty()) {
                    return held.putIfAbsent(key, update) == null ? Outcome.HELD_NEW : Outcome.HELD_AGAIN;
                }
            }
            try {
                outcome = inbox.add(update, clock.instant()) ? Outcome.STORED : Outcome.DUPLICATE;
            } catch (RuntimeException e) {
                if (!Database.isUnavailable(e)) {
                    throw e;
                }
                log.warn("Database unreachable: {} update {} held in memory until it is back ({} held)",
                        update.platform(), update.key(), held.size() + 1);
                held.put(key, update);
                return Outcome.HELD_NEW;
            }
        }
        if (outcome == Outcome.STORED) {
            onStored.run();
        }
        return outcome;
    }

    /** Updates held in memory, waiting for the database. */
    public synchronized int held() {
        return held.size();
    }

    /** Writes the held updates, in order, while the database takes them; returns how many are still held. */
    public int flush() {
        int written;
        int left;
        synchronized (this) {
            int before = held.size();
            if (before == 0) {
                return 0;
            }
            flushHeld();
            left = held.size();
            written = before - left;
        }
        if (written > 0) {
            log.info("Database reachable again: {} held updates written to the inbox ({} still held)", written, left);
            onStored.run();
        }
        return left;
    }

    private void flushHeld() {
        List<String> done = new ArrayList<>();
        try {
            for (Map.Entry<String, IncomingUpdate> e : held.entrySet()) {
                try {
                    inbox.add(e.getValue(), clock.instant());
                } catch (RuntimeException ex) {
                    if (Database.isUnavailable(ex)) {
                        return;
                    }
                    log.error("Dropped held {} update {}: the inbox refused it: {}", e.getValue().platform(),
                            e.getValue().key(), ex.toString());
                }
                done.add(e.getKey());
            }
        } finally {
            done.forEach(held::remove);
        }
    }

    private static String key(IncomingUpdate u) {
        return u.platform() + "\u0000" + u.key();
    }
}
