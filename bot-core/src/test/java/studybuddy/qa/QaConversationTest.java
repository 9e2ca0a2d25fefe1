package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Button;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.console.ConsoleRenderer;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** Informal questions through the dispatcher: "did you mean" buttons, prefilled /start, follow-ups in a private chat. */
class QaConversationTest {
    private static Database db;
    private static BotCore core;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, CLOCK);
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static Reply say(Caller caller, String text) {
        return core.dispatcher().handle(caller, text).orElseThrow();
    }

    private static Caller direct(String user) {
        return Caller.direct("console", user, user, Lang.EN);
    }

    @Test
    void givenUnclearQuestion_whenAsked_thenDidYouMeanButtonsAndAPressAnswersThatTopic() {
        // WHEN
        Reply reply = say(direct("ann"), "what about bugs and projects");
        // THEN
        assertThat(reply.buttons()).hasSizeBetween(1, 3).extracting(Button::action).contains("/ask topic=silent-bugs@en");
        Reply pressed = say(direct("ann"), "/ask topic=silent-bugs@en");
        assertThat(pressed.text()).contains("silent logic bugs");
        // and the console shows the offers as numbered choices to type
        ConsoleRenderer.Rendered shown = ConsoleRenderer.render(reply);
        assertThat(shown.text()).contains("1").contains("The most dangerous bugs: silent logic errors");
        assertThat(shown.actions()).contains("/ask topic=silent-bugs@en");
    }

    @Test
    void givenChineseUnclearQuestion_whenPressed_thenAnsweredInChinese() {
        Reply pressed = say(direct("bo"), "/ask topic=university@zh");
        assertThat(pressed.text()).contains("上大学");
        assertThat(say(direct("bo"), "/ask topic=no-such-topic@en").text()).contains("/ask");
    }

    @Test
    void givenStatedSituation_whenAsked_thenStartButtonCarriesTheValues() {
        Reply reply = say(direct("cy"), "backend dev here with 10h/week, how long would the switch take?");
        assertThat(reply.text()).contains("about 6 months");
        assertThat(reply.buttons()).extracting(Button::action)
                .containsExactly("/start background=developer path=software hours=10 lang=en");
    }

    @Test
    void givenStageAnswer_whenAfterThatWithinMinutes_thenNextStage_andAfterTheWindowNotAFollowUp() {
        // GIVEN
        Caller dee = direct("dee");
        assertThat(say(dee, "tell me about classic machine learning with Andrew Ng").text()).contains("Machine Learning Specialization");
        // WHEN / THEN
        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(say(dee, "and after that?").text()).contains("deep learning");
        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(say(dee, "那之后呢").text()).contains("Hugging Face");
        CLOCK.advance(QaCommands.FOLLOW_UP_WINDOW.plusMinutes(1));
        assertThat(say(dee, "and after that?").text()).doesNotContain("Hugging Face");
    }

    @Test
    void givenGroupChat_whenWhy_thenNoFollowUpFromSomeoneElsesTopic() {
        Caller group = new Caller("console", "eve", "group-1", true, false, "eve", Lang.EN);
        say(group, "/ask why must an ML engineer be a good software engineer?");
        assertThat(say(group, "/ask why?").text()).doesNotContain("From the article");
        Caller direct = direct("eve");
        say(direct, "/ask why must an ML engineer be a good software engineer?");
        assertThat(say(direct, "why?").text()).contains("From the article");
    }
}
