package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Button;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** A first "hi" or "你好" is greeted, with the one next step; a greeting that carries a question is a question. */
class GreetingTest {
    private static Database db;
    private static BotCore core;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static Reply say(String user, String text) {
        return core.dispatcher().handle(Caller.direct("console", user, user, Lang.EN), text).orElseThrow();
    }

    @Test
    void givenANewLearner_whenTheyGreetInChinese_thenGreetedInChineseWithTheStartButton() {
        // WHEN
        Reply reply = say("wang", "你好！");
        // THEN
        assertThat(reply.text()).contains("学习伙伴").doesNotContain("不太确定");
        assertThat(reply.buttons()).extracting(Button::action).containsExactly("/start");
    }

    @Test
    void givenAnOnboardedLearner_whenTheySayHi_thenOfferedTheirNextUnit() {
        // GIVEN
        say("ada", "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00");
        // WHEN
        Reply reply = say("ada", "hey there 👋");
        // THEN
        assertThat(reply.text()).startsWith("Hi again");
        assertThat(reply.buttons()).extracting(Button::action).containsExactly("/next");
    }

    @Test
    void givenAGreetingWithAQuestion_whenAsked_thenTheQuestionIsAnswered() {
        assertThat(Greeting.is("hi, what is MLOps?")).isFalse();
        assertThat(Greeting.is("你好，机器学习工程师需要学多久？")).isFalse();
        assertThat(Greeting.is("在吗？")).isTrue();
        assertThat(Greeting.is("Good morning!")).isTrue();
    }
}
