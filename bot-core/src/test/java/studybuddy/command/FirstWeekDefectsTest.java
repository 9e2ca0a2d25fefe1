package studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** Defects a learner hit in a first week: typos, unknown settings, a command in the middle of /start. */
class FirstWeekDefectsTest {
    private Database db;
    private BotCore core;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Reply say(Caller caller, String line) {
        return core.dispatcher().handle(caller, line).orElseThrow();
    }

    private Reply say(String user, String line) {
        return say(Caller.direct("telegram", user, user, Lang.EN), line);
    }

    @Test
    void givenTypoInCommand_whenSent_thenSuggestionWithButton() {
        // WHEN
        Reply reply = say("ann", "/roadmp");
        // THEN
        assertThat(reply.text()).contains("/roadmp").contains("Did you mean /roadmap?");
        assertThat(reply.buttons()).singleElement().satisfies(b -> assertThat(b.action()).isEqualTo("/roadmap"));
        // and nonsense gets no wild guess
        assertThat(say("ann", "/xyzzyplugh").buttons()).isEmpty();
    }

    @Test
    void givenUnknownSetupKey_whenSetup_thenClearReplyNamingKnownKeysAndNothingSaved() {
        // WHEN
        Reply reply = say("bob", "/setup background=developer path=software hour=10 timezone=Europe/Berlin lang=en day=mon time=09:00");
        // THEN
        assertThat(reply.text()).contains("\"hour\"").contains("background, path, hours, timezone, lang, day, time")
                .contains("Did you mean hours?").contains("nothing was saved");
        assertThat(core.learners().findByPlatformUser("telegram", "bob").orElseThrow().onboarded()).isFalse();
    }

    @Test
    void givenUnknownGroupSetupKey_whenGroupSetup_thenClearReplyNamingKnownKeys() {
        // GIVEN an admin in a group
        Caller admin = new Caller("telegram", "cat", "-100", true, true, "cat", Lang.EN);
        // WHEN
        Reply reply = say(admin, "/group setup day=mon tiem=18:00");
        // THEN
        assertThat(reply.text()).contains("\"tiem\"").contains("day, time, timezone, window, lang")
                .contains("Did you mean time?").contains("nothing was changed");
        assertThat(core.groups().findGroup("telegram", "-100")).isEmpty();
    }

    @Test
    void givenSetupInProgress_whenAnotherCommandTyped_thenAnsweredAndSetupKeptOpen() {
        // GIVEN a learner in the middle of /start, asked for their path
        say("dan", "/start");
        assertThat(say("dan", "developer").text()).contains("Which path");
        // WHEN they type another command
        Reply help = say("dan", "/help");
        // THEN it is answered, with a reminder that the setup is still open
        assertThat(help.text()).contains("/start is still open").contains("/cancel");
        // and the next answer still goes to the setup
        assertThat(say("dan", "software").text()).contains("How many hours");
        // and /cancel ends it, rather than saying nothing was in progress
        assertThat(say("dan", "/next").text()).contains("/start is still open");
        assertThat(say("dan", "/cancel").text()).doesNotContain("nothing to cancel").contains("Cancelled");
    }

    @Test
    void givenSetupInProgress_whenARoadmapQuestionIsTyped_thenAnsweredAndTheSetupQuestionAskedAgain() {
        // GIVEN learners in the middle of /start, asked where they start from (English) and for their path (Chinese)
        say("eve", "/start");
        Caller fay = Caller.direct("telegram", "fay", "fay", Lang.ZH);
        say(fay, "/start");
        say(fay, "developer");
        // WHEN they type a roadmap question instead of an answer
        Reply en = say("eve", "how long does the whole roadmap take?");
        Reply zh = say(fay, "整个路线图学完大概要多长时间？");
        // THEN the question is answered, and the open question follows with its choices
        assertThat(en.text()).contains("months").contains("Now, back to your setup.")
                .endsWith("Where are you starting from?").doesNotContain("I don't know the background")
                .doesNotContain("is still open");
        assertThat(en.choices()).extracting(Button::label).contains("Developer");
        assertThat(zh.text()).contains("个月").contains("好，我们回到设置。").contains("你想走哪条路径")
                .doesNotContain("还没有完成");
        assertThat(zh.choices()).hasSize(2);
        // and a mistyped answer is still told apart from a question
        assertThat(say("eve", "developr").text()).contains("I don't know the background");
        // and the setup goes on from where it was
        assertThat(say("eve", "developer").text()).contains("Which path");
    }
}
