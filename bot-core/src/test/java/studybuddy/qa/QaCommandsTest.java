package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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

/** /ask and plain private messages, as a learner meets them. */
class QaCommandsTest {
    private static Database db;
    private static BotCore core;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    private static Reply say(String user, String text) {
        return core.dispatcher().handle(Caller.direct("console", user, user, Lang.EN), text).orElseThrow();
    }

    @Test
    void givenResourceQuestion_whenAsked_thenAnswerComesWithTheResourcesLinks() {
        Reply reply = say("ann", "/ask which deep learning course is hands-on?");
        assertThat(reply.text()).contains("fast.ai");
        assertThat(reply.buttons()).allMatch(Button::isLink).extracting(Button::action)
                .contains("https://course.fast.ai/").hasSizeLessThanOrEqualTo(3).doesNotHaveDuplicates();
    }

    @Test
    void givenPlainPrivateMessageInChinese_whenSent_thenAnsweredInChinese() {
        Reply reply = say("bo", "我已经是程序员了,转机器学习工程师需要多久?");
        assertThat(reply.text()).contains("开发人员").contains("6 个月");
    }

    @Test
    void givenDespair_whenSent_thenOnlyAPointerToPeopleAndNoButtons() {
        // WHEN
        Reply reply = say("fay", "最近压力太大了,学不下去,感觉活着都没意思了");
        // THEN: no study plan, no next unit offered beside it
        assertThat(reply.text()).contains("12356");
        assertThat(reply.buttons()).isEmpty();
    }

    @Test
    void givenOutOfScopeQuestion_whenAsked_thenHonestReplyOffersWhatTheBotCanDo() {
        Reply newcomer = say("cy", "/ask what's the weather in Berlin tomorrow?");
        assertThat(newcomer.text()).contains("not sure");
        assertThat(newcomer.buttons()).extracting(Button::action).containsExactly("/start");
        say("dee", "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00");
        Reply learner = say("dee", "/ask book me a flight to Tokyo");
        assertThat(learner.buttons()).extracting(Button::action).containsExactly("/next", "/roadmap");
    }

    @Test
    void givenEmptyAsk_whenSent_thenUsageExample() {
        assertThat(say("eve", "/ask").text()).contains("/ask which deep learning course");
    }
}
