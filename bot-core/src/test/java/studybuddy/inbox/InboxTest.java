package studybuddy.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** The inbox on a real PostgreSQL: re-deliveries recognised, one chat at a time and in order, leases, pruning. */
class InboxTest {
    static final Duration LEASE = Duration.ofSeconds(90);

    Database db;
    Inbox inbox;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(8);
        inbox = new Inbox(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    static IncomingUpdate update(String key, String chat) {
        return new IncomingUpdate("telegram", key, "u" + chat, chat, "{\"text\":\"" + key + "\"}");
    }

    @Test
    void givenTheSameKeyTwice_whenAdded_thenTheSecondIsRecognisedAsARedelivery() {
        assertThat(inbox.add(update("1", "c1"), clock.instant())).isTrue();
        assertThat(inbox.add(update("1", "c1"), clock.instant())).isFalse();
        assertThat(inbox.pending("telegram")).isEqualTo(1);
    }

    @Test
    void givenAPayloadWithNul_whenAdded_thenStoredWithoutIt() {
        IncomingUpdate u = new IncomingUpdate("telegram", "9", "u\u0000", "c\u0000", "{\"t\":\"a\u0000b\"}");
        assertThat(inbox.add(u, clock.instant())).isTrue();
        assertThat(inbox.claim("telegram", "a", 10, clock.instant(), LEASE)).singleElement()
                .satisfies(e -> assertThat(e.payload()).isEqualTo("{\"t\":\"ab\"}"));
    }

    @Test
    void givenSeveralUpdatesPerChat_whenClaimed_thenOnlyEachChatsOldestAndTheNextOnlyOnceItIsHandled() {
        inbox.add(update("1", "a"), clock.instant());
        inbox.add(update("2", "a"), clock.instant());
        inbox.add(update("3", "b"), clock.instant());

        List<InboxEntry> first = inbox.claim("telegram", "w1", 10, clock.instant(), LEASE);
        assertThat(first).extracting(InboxEntry::key).containsExactly("1", "3");
        // another instance finds nothing: both chats are busy
        assertThat(inbox.claim("telegram", "w2", 10, clock.instant(), LEASE)).isEmpty();

        inbox.handled(first.get(0).id(), clock.instant());
        assertThat(inbox.claim("telegram", "w2", 10, clock.instant(), LEASE)).extracting(InboxEntry::key)
                .containsExactly("2");
    }

    @Test
    void givenAClaimWhoseOwnerDied_whenTheLeaseRunsOut_thenAnotherInstanceTakesItOver() {
        inbox.add(update("1", "a"), clock.instant());
        assertThat(inbox.claim("telegram", "dead", 10, clock.instant(), LEASE)).hasSize(1);
        clock.advance(LEASE.minusSeconds(1));
        assertThat(inbox.claim("telegram", "alive", 10, clock.instant(), LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(inbox.claim("telegram", "alive", 10, clock.instant(), LEASE)).singleElement()
                .satisfies(e -> assertThat(e.attempts()).isEqualTo(2));
    }

    @Test
    void givenHandledUpdates_whenPruned_thenOnlyOldHandledOnesGoAndARedeliveryBeforeThatIsStillRecognised() {
        inbox.add(update("1", "a"), clock.instant());
        inbox.add(update("2", "b"), clock.instant());
        InboxEntry one = inbox.claim("telegram", "w", 1, clock.instant(), LEASE).get(0);
        inbox.handled(one.id(), clock.instant());

        clock.advance(Duration.ofHours(47));
        assertThat(inbox.prune(clock.instant().minus(Duration.ofHours(48)))).isZero();
        assertThat(inbox.add(update(one.key(), one.chatId()), clock.instant())).isFalse();
        clock.advance(Duration.ofHours(2));
        assertThat(inbox.prune(clock.instant().minus(Duration.ofHours(48)))).isEqualTo(1);
        assertThat(inbox.pending("telegram")).isEqualTo(1);
    }

    @Test
    void givenTwoInstances_whenTheyDrainTwentyChatsTogether_thenEveryUpdateIsHandledOnceInOrderPerChat()
            throws Exception {
        for (int n = 0; n < 10; n++) {
            for (int chat = 0; chat < 20; chat++) {
                inbox.add(update(chat + "-" + n, "chat" + chat), clock.instant());
            }
        }
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        AtomicInteger handled = new AtomicInteger();
        List<String> overlaps = new CopyOnWriteArrayList<>();
        Map<String, Boolean> running = new ConcurrentHashMap<>();
        InboxWorker.Handler handler = new InboxWorker.Handler() {
            @Override
            public void handle(InboxEntry e) {
                if (running.putIfAbsent(e.chatId(), true) != null) {
                    overlaps.add(e.key());
                }
                seen.computeIfAbsent(e.chatId(), k -> new CopyOnWriteArrayList<>()).add(e.key());
                handled.incrementAndGet();
                running.remove(e.chatId());
            }

            @Override
            public void databaseDown(InboxEntry e) {
            }
        };
        List<InboxWorker> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(new InboxWorker(inbox, new InboxIntake(inbox, clock), "telegram", handler, clock, 4, LEASE,
                    Duration.ofHours(48)).start());
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (inbox.pending("telegram") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        workers.forEach(w -> w.stop(5));

        assertThat(handled.get()).isEqualTo(200);
        assertThat(overlaps).isEmpty();
        for (int chat = 0; chat < 20; chat++) {
            List<String> expected = new ArrayList<>();
            for (int n = 0; n < 10; n++) {
                expected.add(chat + "-" + n);
            }
            assertThat(seen.get("chat" + chat)).containsExactlyElementsOf(expected);
        }
    }
}
