package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import studybuddy.BotCore;
import studybuddy.groups.GroupSettings;
import studybuddy.groups.StudyGroup;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/**
 * Issue 7 through Telegram: a study group's week with the real telegrambots client (long polling) against the fake
 * Bot API, on a real PostgreSQL, in virtual time. The core's clustered Quartz sweep is not started: the test drives
 * {@code checkins().sweep()} and {@code outboxSender().drain()} itself, so every outbox message reaches the fake
 * through the same paced sender as in production ({@link TelegramBot#registerSender}).
 */
class TelegramCheckinTest {
    private static final String BOT = "@" + FakeBotApiServer.BOT_USERNAME;
    private static final long GROUP = -100_777_001L;
    private static final long ANA = 3001; // group admin, Berlin
    private static final long BEN = 3002; // Berlin: checks in by the guided dialogue in private
    private static final long CHEN = 3003; // Shanghai: nudged privately, answers late
    private static final long DAI = 3004; // only ever wrote in the group: nudged there
    private static final long EVA = 3005; // Berlin: away for two weeks
    private static final Instant SETUP_AT = Instant.parse("2026-11-27T10:00:00Z");
    // Mondays 18:00 in Berlin (UTC+1 in winter), open 24 h: nudge at 80 % = 19.2 h later.
    private static final Instant OPENS = Instant.parse("2026-11-30T17:00:00Z");
    private static final Instant NUDGE = Instant.parse("2026-12-01T12:12:00Z");
    private static final Instant CLOSES = Instant.parse("2026-12-01T17:00:00Z");

    private FakeBotApiServer api;
    private Database db;
    private MutableClock clock;
    private BotCore core;
    private TelegramBot bot;
    private ObjectNode groupChat;

    @BeforeEach
    void start() throws Exception {
        api = new FakeBotApiServer(TelegramBotTest.TOKEN);
        db = TestDatabase.fresh(8);
        clock = new MutableClock(SETUP_AT);
        core = new BotCore(db, clock);
        TelegramConfig config = TelegramConfig.fromEnvironment(Map.of("TELEGRAM_BOT_TOKEN", TelegramBotTest.TOKEN))
                .withApiUrl(api.url(), 1);
        TelegramClient client = TelegramBot.client(config);
        bot = TelegramBot.start(config, core, client, TelegramBot.registerSender(core, client));
        groupChat = api.groupChat(GROUP, "ML study group");
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
    @DisplayName("setup by the admin only → open → answers (group, dialogue, edit, away) → nudge the silent → late → one summary with its PNG")
    void givenGroupOnTelegram_whenWeekRuns_thenEachCaseReachesTheChatOnce() {
        // GIVEN four members who set up their plan privately (two timezones) and one who never wrote privately
        onboard(ANA, "Ana", "Europe/Berlin");
        onboard(BEN, "Ben", "Europe/Berlin");
        onboard(CHEN, "Chen", "Asia/Shanghai");
        onboard(EVA, "Eva", "Europe/Berlin");
        api.memberStatus(GROUP, ANA, "administrator");
        api.memberStatus(GROUP, BEN, "member");

        // WHEN the admin sets up the weekly check-in in the group
        JsonNode saved = inGroup(ANA, "Ana", "/group" + BOT + " setup day=mon time=18:00 timezone=Europe/Berlin window=24");
        // THEN Telegram was asked whether she administers the group, and the setup is confirmed with a Join button
        assertThat(saved.path("text").asText()).contains("Weekly check-in set");
        assertThat(saved.at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).startsWith("/group");
        assertThat(api.calls("getchatmember")).anySatisfy(c -> {
            assertThat(c.chatId()).isEqualTo(Long.toString(GROUP));
            assertThat(c.text("user_id")).isEqualTo(Long.toString(ANA));
        });

        // WHEN members join: three by typing, one by pressing the Join button under the setup message
        for (Object[] m : new Object[][] {{BEN, "Ben"}, {CHEN, "Chen"}, {DAI, "Dai"}}) {
            assertThat(inGroup((long) m[0], (String) m[1], "/group" + BOT + " join").path("text").asText())
                    .contains("joined");
        }
        String join = saved.at("/reply_markup/inline_keyboard/0/0/callback_data").asText();
        assertThat(pressInGroup(EVA, "Eva", join, "q-join-eva").path("text").asText()).contains("Eva joined");

        // WHEN a member who is not an admin tries to change the settings
        JsonNode refused = inGroup(BEN, "Ben", "/group" + BOT + " setup day=fri time=07:00 timezone=Asia/Tokyo window=2");
        // THEN Telegram said "member", the change is refused and nothing changed
        assertThat(refused.path("text").asText()).contains("Only the group's admins");
        assertThat(api.calls("getchatmember")).anySatisfy(c -> assertThat(c.text("user_id")).isEqualTo(Long.toString(BEN)));
        StudyGroup group = core.groups().findGroup(TelegramMessageSender.PLATFORM, Long.toString(GROUP)).orElseThrow();
        GroupSettings s = group.settings();
        assertThat(s.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(s.day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(s.time()).isEqualTo(LocalTime.of(18, 0));
        assertThat(s.windowHours()).isEqualTo(24);
        assertThat(group.nextOpenAt()).contains(OPENS);
        assertThat(core.groups().members(group.id())).hasSize(5);

        // and Eva will be away for two weeks
        assertThat(inPrivate(EVA, "Eva", "/away 2w").path("text").asText()).contains("away until");

        // WHEN the window opens
        clock.set(OPENS);
        assertThat(core.checkins().sweep().opened()).isEqualTo(1);
        int before = groupMessages().size();
        core.outboxSender().drain();
        // THEN the prompt is posted in the group with an inline /checkin button
        assertThat(groupMessages().subList(before, groupMessages().size())).singleElement().satisfies(c -> {
            assertThat(c.text("text")).contains("Weekly check-in is open");
            assertThat(c.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("/checkin");
        });

        // WHEN Ana answers in the group in one line, Ben through the guided dialogue in private
        clock.set(OPENS.plus(Duration.ofHours(1)));
        assertThat(inGroup(ANA, "Ana", "/checkin" + BOT + " done: ML course 2 week 1 ; next: week 2 ; blockers: none")
                .path("text").asText()).contains("checked in");
        assertThat(inPrivate(BEN, "Ben", "/checkin").path("text").asText()).contains("What did you do");
        assertThat(inPrivate(BEN, "Ben", "finished ML course 1").path("text").asText()).contains("What will you do next");
        assertThat(inPrivate(BEN, "Ben", "linear algebra").path("text").asText()).contains("blocking");
        assertThat(inPrivate(BEN, "Ben", "GPU quota on Colab").path("text").asText())
                .contains("checked in").doesNotContain("late");
        // and Ana edits her answer
        assertThat(inGroup(ANA, "Ana", "/checkin" + BOT + " done: ML course 2 weeks 1-2 ; next: week 3 ; blockers: none")
                .path("text").asText()).contains("updated");

        // WHEN the nudge time comes
        clock.set(NUDGE);
        int callsBefore = api.calls().size();
        assertThat(core.checkins().sweep().nudged()).isEqualTo(1);
        core.outboxSender().drain();
        assertThat(core.checkins().sweep().nudged()).as("nudged once").isZero();
        core.outboxSender().drain();
        // THEN only the silent members hear from the bot: Chen privately (with the button), Dai by name in the group
        List<FakeBotApiServer.Call> nudges = sendsSince(callsBefore);
        assertThat(nudges).hasSize(2);
        assertThat(nudges).filteredOn(c -> c.chatId().equals(Long.toString(CHEN))).singleElement().satisfies(c -> {
            assertThat(c.text("text")).contains("Friendly nudge");
            assertThat(c.params().at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("/checkin");
        });
        assertThat(nudges).filteredOn(c -> c.chatId().equals(Long.toString(GROUP))).singleElement()
                // a link to Dai's user id notifies her even without a username; nobody else is named
                .satisfies(c -> assertThat(c.text("text")).contains("<a href=\"tg://user?id=" + DAI + "\">Dai</a>")
                        .doesNotContain("Ana", "Ben", "Chen", "Eva"));

        // WHEN Chen answers after the nudge, in the private chat the nudge came to
        clock.set(NUDGE.plus(Duration.ofHours(2)));
        assertThat(inPrivate(CHEN, "Chen", "/checkin done: CNN notebook ; next: RNNs ; blockers: none")
                .path("text").asText()).contains("late");

        // WHEN the window closes, and the sweep and the sender run again (a second round, a later round)
        clock.set(CLOSES);
        callsBefore = api.calls().size();
        assertThat(core.checkins().sweep().closed()).isEqualTo(1);
        assertThat(core.checkins().sweep().closed()).isZero();
        core.outboxSender().drain();
        core.outboxSender().drain();
        clock.set(CLOSES.plus(Duration.ofMinutes(5)));
        core.checkins().sweep();
        core.outboxSender().drain();

        // THEN exactly one summary reaches the group, and its chart exactly once, as a PNG photo
        List<FakeBotApiServer.Call> after = sendsSince(callsBefore);
        assertThat(after).allSatisfy(c -> assertThat(c.chatId()).isEqualTo(Long.toString(GROUP)));
        List<FakeBotApiServer.Call> photos = after.stream().filter(c -> c.method().equals("sendphoto")).toList();
        assertThat(photos).singleElement().satisfies(p -> {
            FakeBotApiServer.Upload png = p.files().get("photo");
            assertThat(png).isNotNull();
            assertThat(png.fileName()).isEqualTo("checkins.png");
            assertThat(png.isPng()).isTrue();
            assertThat(png.data().length).isGreaterThan(1000);
        });
        List<String> summaries = after.stream()
                .map(c -> c.method().equals("sendphoto") ? c.text("caption") : c.text("text"))
                .filter(t -> t != null && t.contains("Weekly check-in summary")).toList();
        assertThat(summaries).hasSize(1);
        String summary = summaries.get(0);
        if (TelegramRenderer.fitsCaption(summary)) {
            assertThat(after).hasSize(1); // the summary is the photo's caption
        } else {
            // the text first, then the photo, and nothing else
            assertThat(after).extracting(FakeBotApiServer.Call::method).containsExactly("sendmessage", "sendphoto");
        }
        assertThat(summary).contains("3 of 5 checked in");
        assertThat(summary).contains("<b>Ana</b> (edited)").contains("ML course 2 weeks 1-2").doesNotContain("week 1 ;");
        assertThat(summary).contains("<b>Ben</b>").contains("finished ML course 1");
        assertThat(summary).doesNotContain("<b>Ben</b> (late)");
        assertThat(summary).contains("<b>Chen</b> (late)").contains("CNN notebook");
        assertThat(summary).contains("Ben: GPU quota on Colab");
        assertThat(summary).contains("<b>Away</b>: Eva").contains("<b>Not heard from</b>: Dai");

        // and in the whole week, the group saw one prompt, one nudge and one summary from the outbox
        assertThat(groupMessages()).filteredOn(c -> c.text("text").contains("Weekly check-in is open")).hasSize(1);
        assertThat(groupMessages()).filteredOn(c -> c.text("text").contains("Friendly nudge")).hasSize(1);
        assertThat(api.calls("sendphoto")).hasSize(1);
        assertThat(api.calls("senddocument")).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Sets up a member's plan in their private chat (their timezone, check-ins on Monday). */
    private void onboard(long user, String name, String zone) {
        inPrivate(user, name, "/setup background=developer path=software hours=8 timezone=" + zone
                + " lang=en day=mon time=09:00");
    }

    /**
     * A message in the group; returns the bot's reply there. Virtual time moves on a minute first, as people do
     * not write in the same second (and the paced sender keeps Telegram's per-chat interval in that time).
     */
    private JsonNode inGroup(long user, String name, String text) {
        clock.advance(Duration.ofMinutes(1));
        int seen = groupMessages().size();
        api.sendText(GROUP, groupChat, api.user(user, name, "en"), text);
        return api.await("sendmessage", c -> c.chatId().equals(Long.toString(GROUP)), seen).params();
    }

    private JsonNode pressInGroup(long user, String name, String data, String queryId) {
        clock.advance(Duration.ofMinutes(1));
        int seen = groupMessages().size();
        api.press(groupChat, api.user(user, name, "en"), data, queryId);
        api.await("answercallbackquery", c -> queryId.equals(c.text("callback_query_id")));
        return api.await("sendmessage", c -> c.chatId().equals(Long.toString(GROUP)), seen).params();
    }

    private JsonNode inPrivate(long user, String name, String text) {
        clock.advance(Duration.ofMinutes(1));
        int seen = api.sent(user).size();
        api.sendText(user, api.privateChat(user, name), api.user(user, name, "en"), text);
        return api.await("sendmessage", c -> c.chatId().equals(Long.toString(user)), seen).params();
    }

    private List<FakeBotApiServer.Call> groupMessages() {
        return api.sent(GROUP);
    }

    /** Everything the bot sent (messages, photos, documents) after the first {@code from} calls. */
    private List<FakeBotApiServer.Call> sendsSince(int from) {
        List<FakeBotApiServer.Call> all = api.calls();
        return all.subList(from, all.size()).stream()
                .filter(c -> Stream.of("sendmessage", "sendphoto", "senddocument").anyMatch(c.method()::equals))
                .toList();
    }
}
