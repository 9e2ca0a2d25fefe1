package studybuddy.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.groups.Member;
import studybuddy.i18n.Lang;
import studybuddy.learner.Learner;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** /link, /link home and /unlink: one learner across Telegram and Discord, on a real PostgreSQL. */
class LinkAccountsTest {
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    private static final String DC_CHANNEL = "990000000000000001";

    private Database db;
    private MutableClock clock;
    private BotCore core;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
        clock = new MutableClock(START);
        core = new BotCore(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static final Caller TG = Caller.direct("telegram", "1001", "Mia", Lang.EN);
    private static final Caller DC = Caller.direct("discord", "2002", "mia_dc", Lang.EN);
    private static final Caller DC_IN_CHANNEL = new Caller("discord", "2002", DC_CHANNEL, true, true, "mia_dc", Lang.EN);

    private Reply say(Caller caller, String line) {
        return core.dispatcher().handle(caller, line).orElseThrow();
    }

    private String code(Caller caller) {
        String text = say(caller, "/link").text();
        return text.replaceAll("(?s).*\\*\\*([A-Z0-9]{4}-[A-Z0-9]{4})\\*\\*.*", "$1");
    }

    private Learner learner(Caller caller) {
        return core.learners().findByPlatformUser(caller.platform(), caller.userId()).orElseThrow();
    }

    /** Telegram first (older, 8 h a week), Discord a day later (5 h), each with progress, a reminder, a group. */
    private void givenTwoProfiles() {
        say(TG, "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00");
        say(TG, "/remind every day 21:00 flashcards");
        clock.advance(Duration.ofDays(1));
        say(DC, "/setup background=scratch path=data hours=5 timezone=Asia/Shanghai lang=en day=fri time=20:00");
        say(DC, "/remind every day 07:30 read a paper");
        say(DC_IN_CHANNEL, "/group setup day=tue time=19:00 timezone=Asia/Shanghai window=24");
        clock.advance(Duration.ofDays(1));
        say(DC, "/done ml-spec-1");          // day 2 on Discord
        say(DC, "/done math-calculus");
        clock.advance(Duration.ofDays(1));
        say(TG, "/done ml-spec-1");          // day 3 on Telegram: the earlier date (day 2) must win
        say(TG, "/skip math-calculus");      // skipped here, done there: done wins
        say(TG, "/note convolutions share weights");
    }

    @Test
    @DisplayName("/link CODE on the other platform: one learner, older settings, union of progress, both reminders, groups")
    void givenTwoProfiles_whenLinked_thenMergedPredictablyAndExplained() throws Exception {
        givenTwoProfiles();
        long tgId = learner(TG).id();
        long dcId = learner(DC).id();

        Reply merged = say(DC, "/link " + code(TG).toLowerCase().replace("-", " "));

        assertThat(merged.text()).contains("Linked: Telegram and Discord are now one learner")
                .contains("older profile, on Telegram").contains("earlier date counts")
                .contains("Both sets of reminders are kept (2 active)").contains("all your groups (1)")
                .contains("go to Telegram").contains("/link home discord").contains("Europe/Berlin");
        Learner one = learner(DC);
        assertThat(one.id()).isEqualTo(tgId).isEqualTo(learner(TG).id());
        assertThat(core.learners().find(dcId)).isEmpty();
        assertThat(one.settings().orElseThrow().weeklyHours()).isEqualTo(8);
        assertThat(one.platform()).isEqualTo("telegram");
        assertThat(core.reminders().active(one.id())).hasSize(2)
                .allSatisfy(r -> assertThat(r.rule().zone().getId()).isEqualTo("Europe/Berlin"));
        assertThat(marks(one.id())).containsExactlyInAnyOrder(
                "math-calculus done " + START.plus(Duration.ofDays(2)),
                "ml-spec-1 done " + START.plus(Duration.ofDays(2)));
        // in the Discord group the learner is still known by the Discord account
        long group = core.groups().findGroup("discord", DC_CHANNEL).orElseThrow().id();
        assertThat(core.groups().members(group)).singleElement().satisfies((Member m) -> {
            assertThat(m.learnerId()).isEqualTo(tgId);
            assertThat(m.userId()).isEqualTo("2002");
            assertThat(m.displayName()).isEqualTo("mia_dc");
        });
        // the Telegram side is told too, through the outbox
        assertThat(count("select count(*) from outbox where platform = 'telegram' and chat_id = '1001' and kind = 'account'"))
                .isEqualTo(1);
        // either account sees the same progress now
        assertThat(say(TG, "/progress").text()).isEqualTo(say(DC, "/progress").text());
    }

    @Test
    void givenLinked_whenHomeMovedAndUnlinked_thenRemindersFollowAndTheAccountSeparatesWithACopy() throws Exception {
        givenTwoProfiles();
        say(DC, "/link " + code(TG));
        long id = learner(TG).id();

        assertThat(say(TG, "/link home discord").text()).contains("now go to Discord");
        Learner home = core.learners().find(id).orElseThrow();
        assertThat(home.platform()).isEqualTo("discord");
        assertThat(home.chatId()).isEqualTo("2002");
        assertThat(say(DC, "/unlink discord").text()).contains("Discord is where your reminders go").contains("/link home telegram");

        Reply separated = say(TG, "/unlink");

        assertThat(separated.text()).contains("your Telegram account is on its own again");
        Learner tg = learner(TG);
        Learner dc = learner(DC);
        assertThat(tg.id()).isNotEqualTo(dc.id());
        assertThat(dc.id()).isEqualTo(id);
        assertThat(tg.settings()).isEqualTo(dc.settings());
        assertThat(marks(tg.id())).isEqualTo(marks(dc.id()));
        assertThat(core.reminders().active(dc.id())).hasSize(2);
        assertThat(core.reminders().active(tg.id())).isEmpty();
        assertThat(say(TG, "/unlink").text()).contains("not linked");
    }

    @Test
    void givenCodes_whenWrongExpiredReusedOrOwn_thenRefusedAndGuessingIsLocked() {
        say(TG, "/start");
        say(DC, "/start");
        String code = code(TG);
        assertThat(say(TG, "/link " + code).text()).contains("the code you just got here");
        assertThat(say(DC, "/link hello").text()).contains("is not a link code");
        // expired after 10 minutes
        clock.advance(Duration.ofMinutes(11));
        assertThat(say(DC, "/link " + code).text()).contains("wrong or has expired").contains("4 more tries");
        // five wrong codes lock /link for an hour, even for the right code
        for (int i = 0; i < 4; i++) {
            say(DC, "/link ABCD-EFGH");
        }
        String fresh = code(TG);
        assertThat(say(DC, "/link " + fresh).text()).contains("Too many wrong codes");
        clock.advance(Duration.ofMinutes(61));
        fresh = code(TG);
        assertThat(say(DC, "/link " + fresh).text()).contains("Linked");
        // used once
        assertThat(say(DC, "/link " + fresh).text()).contains("wrong or has expired");
        // a third account on a platform the learner already has is refused
        Caller otherTg = Caller.direct("telegram", "3003", "someone", Lang.EN);
        say(otherTg, "/start");
        assertThat(say(otherTg, "/link " + code(TG)).text()).contains("already have a Telegram account");
    }

    @Test
    void givenOneCode_whenTwoAccountsSendItAtOnce_thenExactlyOneIsLinked() throws Exception {
        say(TG, "/start");
        Caller a = Caller.direct("discord", "7001", "a", Lang.EN);
        Caller b = Caller.direct("discord", "7002", "b", Lang.EN);
        say(a, "/start");
        say(b, "/start");
        String code = code(TG);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<String>> replies = new ArrayList<>();
            for (Caller c : List.of(a, b)) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return say(c, "/link " + code).text();
                }));
            }
            go.countDown();
            List<String> texts = new ArrayList<>();
            for (var f : replies) {
                texts.add(f.get());
            }
            assertThat(texts).filteredOn(t -> t.contains("Linked")).hasSize(1);
            assertThat(texts).filteredOn(t -> t.contains("wrong or has expired")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from learner_account where learner_id = " + learner(TG).id())).isEqualTo(2);
    }

    @Test
    void givenBadInput_whenLinkOrProject_thenClearRepliesAndNothingChanges() {
        say(TG, "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00");
        assertThat(say(TG, "/link " + "😀".repeat(500)).text()).contains("is not a link code");
        assertThat(say(TG, "/link '; drop table learner; --").text()).contains("is not a link code");
        assertThat(say(TG, "/link home").text()).contains("Where should personal reminders");
        assertThat(say(TG, "/link home matrix").text()).contains("not a platform I know");
        assertThat(say(TG, "/link home discord").text()).contains("no linked account on Discord");
        assertThat(say(TG, "/project start " + "x".repeat(300)).text()).contains("under 200 characters");
        say(TG, "/project start Birds 🐦");
        assertThat(say(TG, "/project drop abc").text()).contains("no active project number abc");
        assertThat(say(TG, "/project done 99999999999").text()).contains("no active project number");
        assertThat(say(TG, "/project").text()).contains("Birds 🐦").contains("0/5");
    }

    @Test
    void givenGroupChat_whenLink_thenRefusedSoTheCodeIsNotPostedPublicly() {
        Caller inGroup = new Caller("telegram", "1001", "-100777", true, false, "Mia", Lang.EN);
        assertThat(say(inGroup, "/link").text()).contains("only in a private chat").doesNotContainPattern("[A-Z0-9]{4}-[A-Z0-9]{4}");
    }

    @Test
    void givenChineseLearner_whenLinking_thenRepliesInChinese() {
        Caller zh = Caller.direct("telegram", "5005", "小明", Lang.ZH);
        say(zh, "/lang zh");
        assertThat(say(zh, "/link").text()).contains("你的关联验证码").contains("分钟内");
    }

    private List<String> marks(long learnerId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select unit_id, status, marked_at from unit_progress where learner_id = ? order by unit_id")) {
            ps.setLong(1, learnerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getTimestamp(3).toInstant());
                }
            }
        }
        return out;
    }

    private int count(String sql) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
