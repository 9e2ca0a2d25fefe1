package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/**
 * Spaced review on Telegram with the real telegrambots client against the fake Bot API, on PostgreSQL, in virtual
 * time: a due review goes out as a native quiz ({@code sendPoll}, {@code type=quiz}), the learner's
 * {@code poll_answer} comes back and is counted, and /progress sends its picture as a photo.
 */
class TelegramReviewTest {
    private static final long ANA = 4001;
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant SUNDAY_0900_BERLIN = Instant.parse("2026-11-29T08:00:00Z");

    private FakeBotApiServer api;
    private Database db;
    private MutableClock clock;
    private BotCore core;
    private TelegramBot bot;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApiServer(TelegramBotTest.TOKEN);
        db = TestDatabase.fresh(8);
        clock = new MutableClock(START);
        core = new BotCore(db, clock);
        TelegramConfig config = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TelegramBotTest.TOKEN))
                .withApiUrl(api.url(), 1);
        TelegramClient client = TelegramBot.client(config);
        bot = TelegramBot.start(config, core, client, TelegramBot.registerSender(core, client));
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        if (api != null) {
            api.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @DisplayName("a due review is a native quiz poll; the poll_answer is counted and answered in the private chat")
    void givenDueReview_whenSweptAndAnswered_thenQuizPollAndFeedback() {
        // GIVEN Ana in Berlin finished a unit on Friday
        inPrivate("/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00");
        assertThat(inPrivate("/done cs50-1").path("text").asText()).contains("is marked done");

        // WHEN the sweep runs at Sunday 09:00 Berlin and the outbox is sent
        clock.set(SUNDAY_0900_BERLIN);
        assertThat(core.reviews().sweep()).isEqualTo(1);
        core.outboxSender().drain();

        // THEN Telegram got a quiz: not anonymous (so answers are reported), the right option marked, an explanation
        JsonNode poll = api.await("sendpoll", c -> Long.toString(ANA).equals(c.chatId())).params();
        assertThat(poll.path("type").asText()).isEqualTo("quiz");
        assertThat(poll.path("is_anonymous").asBoolean(true)).isFalse();
        assertThat(poll.path("question").asText()).startsWith("🔁 Review · CS50x weeks 0–3").contains("binary search");
        List<String> options = new ArrayList<>();
        poll.path("options").forEach(o -> options.add(o.path("text").asText()));
        assertThat(options).hasSize(4).contains("It must be sorted");
        int correct = poll.path("correct_option_ids").get(0).asInt();
        assertThat(options.get(correct)).isEqualTo("It must be sorted");
        assertThat(poll.path("explanation").asText()).contains("halves");
        assertThat(api.calls("sendmessage", ANA)).noneSatisfy(c -> assertThat(c.text("text")).contains("binary search"));
        String pollId = pollIdInDatabase();
        assertThat(pollId).startsWith("poll-");

        // WHEN Ana picks the right option in Telegram's quiz
        clock.advance(Duration.ofMinutes(1));
        int seen = api.sent(ANA).size();
        api.answerPoll(pollId, api.user(ANA, "Ana", "en"), correct);
        // THEN the answer counts and she is told when the unit comes back (Telegram already showed the explanation)
        String feedback = api.await("sendmessage", c -> Long.toString(ANA).equals(c.chatId()), seen).text("text");
        assertThat(feedback).contains("Right!").contains("in 7 days").doesNotContain("halves");
        assertThat(count("select count(*) from review_answer where correct")).isEqualTo(1);

        // WHEN an answer to a poll the bot never sent arrives, THEN it is ignored (no message, nothing counted)
        api.answerPoll("poll-unknown", api.user(ANA, "Ana", "en"), 0);
        // and /progress shows the review line and sends the progress picture as a photo
        clock.advance(Duration.ofMinutes(1));
        int photos = api.calls("sendphoto", ANA).size();
        api.sendText(ANA, api.privateChat(ANA, "Ana"), api.user(ANA, "Ana", "en"), "/progress");
        FakeBotApiServer.Call photo = api.await("sendphoto", c -> Long.toString(ANA).equals(c.chatId()), photos);
        assertThat(photo.files().get("photo").isPng()).isTrue();
        assertThat(photo.files().get("photo").fileName()).isEqualTo("progress.png");
        String text = photo.text("caption") != null ? photo.text("caption")
                : api.sent(ANA).get(api.sent(ANA).size() - 1).text("text");
        assertThat(text).contains("Review:").contains("100% right in your last answer (1 of 1)");
        assertThat(count("select count(*) from review_answer")).isEqualTo(1);
    }

    private JsonNode inPrivate(String text) {
        clock.advance(Duration.ofMinutes(1));
        int seen = api.sent(ANA).size();
        api.sendText(ANA, api.privateChat(ANA, "Ana"), api.user(ANA, "Ana", "en"), text);
        return api.await("sendmessage", c -> c.chatId().equals(Long.toString(ANA)), seen).params();
    }

    private String pollIdInDatabase() {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("select poll_id from review_poll")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private int count(String sql) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
