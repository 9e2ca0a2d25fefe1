package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static studybuddy.telegram.TelegramInboxTest.waitUntil;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.storage.Database;
import studybuddy.testing.LocalPostgres;

/**
 * A database outage under the Telegram adapter, on a PostgreSQL of the test's own that it stops and starts: every
 * message gets the "database away" notice within 5 s, in the sender's language, is not confirmed to Telegram
 * meanwhile, and gets its real answer once the database is back.
 */
class TelegramOutageTest {
    @Test
    @DisplayName("Given the database stops, when people write, then each is told within 5 s and answered for real once it is back")
    void givenDatabaseOutage_whenMessagesArrive_thenNoticeWithinFiveSecondsAndRealAnswerAfter() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start("fsync=off");
             FakeBotApiServer api = new FakeBotApiServer(TelegramBotTest.TOKEN);
             Database db = pg.connect(10)) {
            BotCore core = new BotCore(db, Clock.systemUTC());
            TelegramConfig config = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TelegramBotTest.TOKEN))
                    .withApiUrl(api.url(), 1);
            TelegramClient client = TelegramBot.client(config);
            try (TelegramBot bot = TelegramBot.start(config, core, core.dispatcher(), client,
                    new TelegramMessageSender(client, TelegramBot.markUnreachable(core)))) {
                api.sendText(6000, api.privateChat(6000, "Up"), api.user(6000, "Up", "en"), "/help");
                api.await("sendmessage", c -> "6000".equals(c.chatId()));

                // GIVEN the database is gone
                pg.stop();

                // WHEN a known command, a question, an unknown command and a Chinese question arrive
                long sentAt = System.nanoTime();
                int first = api.sendText(6001, api.privateChat(6001, "A"), api.user(6001, "A", "en"), "/next");
                api.sendText(6002, api.privateChat(6002, "B"), api.user(6002, "B", "en"), "what is overfitting?");
                api.sendText(6003, api.privateChat(6003, "C"), api.user(6003, "C", "en"), "/frobnicate");
                api.sendText(6004, api.privateChat(6004, "D"), api.user(6004, "D", "zh-hans"), "什么是过拟合？");

                // THEN each is told within 5 s, in their language
                for (long chat = 6001; chat <= 6004; chat++) {
                    String id = Long.toString(chat);
                    FakeBotApiServer.Call notice = api.await("sendmessage", c -> id.equals(c.chatId()));
                    Duration told = Duration.ofNanos(System.nanoTime() - sentAt);
                    System.out.printf("outage notice to chat %s after %d ms%n", id, told.toMillis());
                    assertThat(told).as("notice to " + id).isLessThan(Duration.ofSeconds(5));
                    assertThat(notice.text("text")).contains(chat == 6004 ? "连不上数据库" : "can't reach my database");
                }
                // nothing held was confirmed to Telegram
                assertThat(api.calls("getupdates")).allSatisfy(c ->
                        assertThat(c.params().path("offset").asLong()).isLessThanOrEqualTo(first));

                // WHEN the database is back
                pg.restart();
                long back = System.nanoTime();

                // THEN the real answers follow, each once
                assertThat(api.await("sendmessage", c -> "6001".equals(c.chatId()), 1).text("text")).contains("Send /start");
                assertThat(api.await("sendmessage", c -> "6002".equals(c.chatId()), 1).text("text"))
                        .doesNotContain("database").doesNotContain("went wrong");
                assertThat(api.await("sendmessage", c -> "6003".equals(c.chatId()), 1).text("text"))
                        .contains("the command /frobnicate");
                assertThat(api.await("sendmessage", c -> "6004".equals(c.chatId()), 1).text("text"))
                        .doesNotContain("数据库");
                System.out.printf("all 4 real answers within %d ms of the database's return%n",
                        Duration.ofNanos(System.nanoTime() - back).toMillis());
                waitUntil(() -> api.calls("getupdates").stream()
                        .anyMatch(c -> c.params().path("offset").asLong() > first + 3));
                Thread.sleep(300);
                for (long chat = 6001; chat <= 6004; chat++) {
                    assertThat(api.sent(chat)).as("messages to " + chat).hasSize(2);
                }
                assertThat(bot.healthChecks()).allMatch(h -> h.healthy());
            }
        }
    }
}
