package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.command.Audience;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.CommandSpec;
import studybuddy.command.Reply;
import studybuddy.inbox.Inbox;
import studybuddy.learner.Learner;
import studybuddy.platform.HealthCheck;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/**
 * The durable inbox of the Telegram adapter, through the real telegrambots client against the fake Bot API, on a
 * real PostgreSQL: nothing lost on a crash, nothing handled twice, control characters cleaned at the edge, polling
 * watched.
 */
class TelegramInboxTest {
    static final String TOKEN = TelegramBotTest.TOKEN;

    /** Thrown into a handler by the simulated crash; an Error, so no apology is sent on its way out. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    final List<AutoCloseable> open = new ArrayList<>();
    FakeBotApiServer api;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** A bot whose replies go straight to the API (the paced sender would wait on a virtual clock). */
    private TelegramBot start(BotCore core, CommandDispatcher dispatcher, TelegramConfig config) throws Exception {
        TelegramClient client = TelegramBot.client(config);
        return keep(TelegramBot.start(config, core, dispatcher, client,
                new TelegramMessageSender(client, TelegramBot.markUnreachable(core))));
    }

    private TelegramConfig polling() {
        return TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TOKEN)).withApiUrl(api.url(), 1);
    }

    @Test
    @DisplayName("Given 10 chats × 5 queued commands, when the instance crashes after 20, then a new one handles the other 30, each once, in order")
    void givenQueuedUpdates_whenTheInstanceCrashes_thenANewOneHandlesTheRestExactlyOnce() throws Exception {
        api = keep(new FakeBotApiServer(TOKEN));
        Database db = keep(TestDatabase.fresh());
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        BotCore core = new BotCore(db, clock);
        Map<String, List<String>> handled = new ConcurrentHashMap<>();
        AtomicInteger count = new AtomicInteger();
        AtomicInteger crashAfter = new AtomicInteger(20);
        CommandSpec tick = new CommandSpec("tick", List.of(), "core", "help.description", List.of(), Audience.PERSONAL,
                r -> {
                    synchronized (count) {
                        // After the crash nothing of that instance runs on: an interrupted worker stops here,
                        // whether it was waiting at the gate or only reached it afterwards.
                        while (true) {
                            if (Thread.currentThread().isInterrupted()) {
                                throw new Crash();
                            }
                            if (count.get() < crashAfter.get()) {
                                break;
                            }
                            try {
                                count.wait();
                            } catch (InterruptedException e) {
                                throw new Crash();
                            }
                        }
                        count.incrementAndGet();
                    }
                    handled.computeIfAbsent(r.caller().chatId(), k -> new CopyOnWriteArrayList<>()).add(r.text());
                    return Reply.text("tock " + r.text());
                }, null);
        List<CommandSpec> specs = new ArrayList<>(core.dispatcher().specs());
        specs.add(tick);
        CommandDispatcher dispatcher = new CommandDispatcher(specs, core.learners(), core.dialogues());
        for (int n = 1; n <= 5; n++) {
            for (long chat = 3001; chat <= 3010; chat++) {
                api.sendText(chat, api.privateChat(chat, "P" + chat), api.user(chat, "P" + chat, "en"), "/tick " + n);
            }
        }

        // GIVEN an instance that stored all 50 and handled 20 before it "crashed"
        TelegramBot first = start(core, dispatcher, polling());
        Inbox inbox = new Inbox(db);
        waitUntil(() -> count.get() == 20 && inbox.pending("telegram") == 30);
        first.abort();
        assertThat(handled.values().stream().mapToInt(List::size).sum()).isEqualTo(20);

        // WHEN a new instance starts after the crashed one's leases ran out
        clock.advance(TelegramBot.INBOX_LEASE.plusSeconds(1));
        synchronized (count) {
            crashAfter.set(Integer.MAX_VALUE);
            count.notifyAll();
        }
        start(core, dispatcher, polling());

        // THEN every command was handled exactly once, in order per chat, and answered
        waitUntil(() -> count.get() >= 50 && inbox.pending("telegram") == 0);
        for (long chat = 3001; chat <= 3010; chat++) {
            assertThat(handled.get(Long.toString(chat))).as("chat " + chat).containsExactly("1", "2", "3", "4", "5");
            long c = chat;
            waitUntil(() -> api.sent(c).size() >= 5);
        }
        Thread.sleep(300); // anything handled twice would have been answered by now
        assertThat(count.get()).isEqualTo(50);
        assertThat(api.calls("sendmessage")).hasSize(50);
    }

    @Test
    @DisplayName("Given a webhook, when Telegram delivers the same update three times, then it is handled and answered once")
    void givenWebhook_whenTheSameUpdateIsDeliveredAgain_thenItIsHandledOnce() throws Exception {
        api = keep(new FakeBotApiServer(TOKEN));
        Database db = keep(TestDatabase.fresh());
        BotCore core = new BotCore(db, java.time.Clock.systemUTC());
        String secret = TelegramConfig.newSecret();
        TelegramConfig config = polling().withWebhook(URI.create("https://bot.example.com/tg"), secret, 0);
        TelegramBot bot = start(core, core.dispatcher(), config);
        URI hook = URI.create("http://127.0.0.1:" + bot.webhookPort() + "/tg");
        String update = "{\"update_id\":500,\"message\":{\"message_id\":1,\"date\":1,"
                + "\"chat\":{\"id\":4001,\"type\":\"private\"},\"from\":{\"id\":4001,\"is_bot\":false,"
                + "\"first_name\":\"Rita\"},\"text\":\"/remind daily 08:00 review flashcards\"}}";
        HttpClient http = HttpClient.newHttpClient();

        // two at once (a retry racing the first), then one more after the answer
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<Integer>> posts = List.of(two.submit(() -> post(http, hook, secret, update)),
                two.submit(() -> post(http, hook, secret, update)));
        for (Future<Integer> f : posts) {
            assertThat(f.get()).isEqualTo(200);
        }
        two.shutdown();
        api.await("sendmessage", c -> "4001".equals(c.chatId()));
        assertThat(post(http, hook, secret, update)).isEqualTo(200);
        waitUntil(() -> new Inbox(db).pending("telegram") == 0);
        Thread.sleep(300);

        assertThat(api.sent(4001)).hasSize(1);
        Learner rita = core.learners().findByPlatformUser("telegram", "4001").orElseThrow();
        assertThat(core.reminders().active(rita.id())).hasSize(1);
    }

    @Test
    @DisplayName("Given NUL and escape characters in names, texts, titles and button data, then everyone gets normal answers")
    void givenControlCharactersEverywhere_whenUpdatesArrive_thenTheyAreCleanedAndAnsweredNormally() throws Exception {
        api = keep(new FakeBotApiServer(TOKEN));
        Database db = keep(TestDatabase.fresh());
        BotCore core = new BotCore(db, java.time.Clock.systemUTC());
        start(core, core.dispatcher(), polling());

        // a first name with NUL and a terminal escape, and /next with a NUL
        long user = 4101;
        ObjectNode chat = api.privateChat(user, "Ada\u0000");
        ObjectNode from = api.user(user, "Ada\u0000\u001b[31m\u0007", "en");
        from.put("username", "ada\u0000lovelace");
        api.sendText(user, chat, from, "/next\u0000");
        FakeBotApiServer.Call next = api.await("sendmessage", c -> "4101".equals(c.chatId()));
        assertThat(next.text("text")).contains("Send /start").doesNotContain("the command").doesNotContain("went wrong");
        assertThat(core.learners().findByPlatformUser("telegram", "4101").orElseThrow().displayName())
                .isEqualTo("Ada[31m");

        // a question with control characters is answered as a question
        api.sendText(user, chat, from, "what is \u0000gradient\u0001 descent?\u0007");
        FakeBotApiServer.Call answer = api.await("sendmessage", c -> "4101".equals(c.chatId()), 1);
        assertThat(answer.text("text")).doesNotContain("went wrong").doesNotContain("\u0000");

        // a group whose title holds a NUL, and a button press whose data does
        long group = -4102;
        ObjectNode groupChat = api.groupChat(group, "ML\u0000 club\u001b");
        api.sendText(group, groupChat, from, "/help@" + FakeBotApiServer.BOT_USERNAME + "\u0000");
        assertThat(api.await("sendmessage", c -> "-4102".equals(c.chatId())).text("text")).contains("study-buddy");
        api.press(chat, from, "/he\u0000lp", "q-4101");
        api.await("answercallbackquery", c -> "q-4101".equals(c.text("callback_query_id")));
        assertThat(api.await("sendmessage", c -> "4101".equals(c.chatId()), 2).text("text")).contains("study-buddy");
    }

    @Test
    @DisplayName("Given an update without an update_id, when polled, then polling goes on and the next message is answered")
    void givenAnUnreadableUpdate_whenPolled_thenPollingGoesOn() throws Exception {
        api = keep(new FakeBotApiServer(TOKEN));
        Database db = keep(TestDatabase.fresh());
        BotCore core = new BotCore(db, java.time.Clock.systemUTC());
        TelegramBot bot = start(core, core.dispatcher(), polling());
        ObjectNode bad = api.messageUpdate(api.message(api.privateChat(4201, "Nil"), api.user(4201, "Nil", "en"), "/help"));
        bad.putNull("update_id");
        api.pushRaw(bad);
        api.sendText(4202, api.privateChat(4202, "Ok"), api.user(4202, "Ok", "en"), "/help");

        assertThat(api.await("sendmessage", c -> "4202".equals(c.chatId())).text("text")).contains("study-buddy");
        assertThat(bot.healthChecks()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("telegram");
            assertThat(h.healthy()).isTrue();
        });
        assertThat(api.sent(4201)).isEmpty();
    }

    @Test
    @DisplayName("Given polling silent beyond its limit, when the watchdog checks, then it restarts polling and readiness shows it")
    void givenSilentPolling_whenTheWatchdogChecks_thenPollingRestartsAndReadinessFollows() throws Exception {
        api = keep(new FakeBotApiServer(TOKEN));
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        List<Long> received = new CopyOnWriteArrayList<>();
        TelegramPoller poller = keep(new TelegramPoller(polling(), u -> received.add(u.get("update_id").asLong()),
                Duration.ofSeconds(10), nanos::get));
        poller.start();
        HealthCheck health = poller;
        waitUntil(() -> api.calls("getupdates").size() >= 1 && health.healthy());

        // WHEN no answer came for longer than the limit (virtual time)
        nanos.addAndGet(Duration.ofSeconds(11).toNanos());
        assertThat(health.healthy()).isFalse();
        assertThat(health.detail()).contains("last answer 11 s ago");
        poller.check();

        // THEN a new loop polls, updates flow again and readiness recovers
        int id = api.sendText(4301, api.privateChat(4301, "W"), api.user(4301, "W", "en"), "/help");
        waitUntil(() -> received.contains((long) id));
        waitUntil(health::healthy);
        assertThat(health.detail()).contains("restarted 1 times");

        // and a refused getUpdates shows as not ready
        api.failAlways("getupdates", "", 401, "Unauthorized");
        waitUntil(() -> !health.healthy());
        assertThat(health.detail()).contains("401");
    }

    static int post(HttpClient http, URI uri, String secret, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .header(TelegramWebhookServer.SECRET_HEADER, secret).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
