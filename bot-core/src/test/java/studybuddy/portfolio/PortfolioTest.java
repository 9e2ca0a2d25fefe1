package studybuddy.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Button;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.groups.CheckinService;
import studybuddy.i18n.Lang;
import studybuddy.platform.OutboxWriter;
import studybuddy.platform.OutgoingMessage;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** Proof of work (/done with a link) and portfolio projects (/project), on a real PostgreSQL. */
class PortfolioTest {
    private static final String SETUP =
            "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=%s day=mon time=09:00";
    private static final String GROUP = "-100555";

    private Database db;
    private MutableClock clock;
    private BotCore core;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
        clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
        core = new BotCore(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Reply say(String user, String line) {
        return core.dispatcher().handle(Caller.direct("telegram", user, user, Lang.EN), line).orElseThrow();
    }

    private Reply sayInGroup(String user, String line) {
        return core.dispatcher().handle(new Caller("telegram", user, GROUP, true, true, user, Lang.EN), line)
                .orElseThrow();
    }

    private List<String> links(String user) {
        long id = core.learners().findByPlatformUser("telegram", user).orElseThrow().id();
        return core.portfolio().links(id, 50).stream().map(Portfolio.WorkLink::url).toList();
    }

    @Test
    void givenUnitAndLink_whenDone_thenMarkedAndLinkKeptAndListedInProgress() {
        say("ann", SETUP.formatted("en"));

        Reply reply = say("ann", "/done ml-spec-1 https://github.com/ann/ml-course-1");

        assertThat(reply.text()).contains("is marked done").contains("Kept your link")
                .contains("https://github.com/ann/ml-course-1");
        assertThat(links("ann")).containsExactly("https://github.com/ann/ml-course-1");
        assertThat(say("ann", "/progress").text()).contains("Your work")
                .contains("Machine Learning Specialization, course 1").contains("https://github.com/ann/ml-course-1");
        // a link for a unit already done is added, nothing is congratulated twice
        assertThat(say("ann", "/done ml-spec-1 link=github.com/ann/ml-course-1-extra").text())
                .contains("already marked done").contains("https://github.com/ann/ml-course-1-extra");
    }

    @Test
    void givenBadLinks_whenDone_thenRefusedAndNothingMarked() {
        say("bob", SETUP.formatted("en"));
        assertThat(say("bob", "/done ml-spec-1 javascript:alert(1)").text()).contains("Only web links")
                .contains("Nothing was marked");
        assertThat(say("bob", "/done ml-spec-1 https://example.com/" + "a".repeat(600)).text()).contains("longer than 500");
        assertThat(say("bob", "/done ml-spec-1 https://trusted.com@evil.example/x").text()).contains("doesn't look like");
        assertThat(say("bob", "/done ml-spec-1 ftp://files.example.com/x").text()).contains("Only web links");
        assertThat(links("bob")).isEmpty();
        assertThat(say("bob", "/roadmap").text()).doesNotContain("✅ Machine Learning Specialization, course 1");
    }

    @Test
    void givenPlainDoneInPrivate_whenLinkSentAfterwards_thenKept_andSkipOrChatterEndsTheQuestion() {
        say("cat", SETUP.formatted("en"));
        Reply done = say("cat", "/done ml-spec-1");
        assertThat(done.text()).contains("is marked done").contains("Send me the link");
        assertThat(done.buttons().get(0).label()).isEqualTo("🔗 Add a link");
        assertThat(done.buttons().get(1).label()).isEqualTo("Skip");
        assertThat(say("cat", done.buttons().get(0).action()).text()).contains("Paste the link here");

        assertThat(say("cat", "not a link, just saying hi").text()).contains("isn't a link");
        assertThat(links("cat")).isEmpty();

        say("cat", "/done math-linear-algebra");
        assertThat(say("cat", "javascript:alert(document.cookie)").text()).contains("Only web links");
        assertThat(say("cat", "https://colab.research.google.com/drive/abc123").text()).contains("Kept your link")
                .contains("Linear algebra");
        assertThat(links("cat")).containsExactly("https://colab.research.google.com/drive/abc123");

        Reply third = say("cat", "/done ml-spec-2");
        assertThat(say("cat", third.buttons().get(1).action()).text()).contains("no link this time");
        assertThat(links("cat")).hasSize(1);
    }

    @Test
    void givenLinkQuestionOpen_whenLearnerAsksARoadmapQuestionInstead_thenTheQuestionIsAnswered_notSwallowed() {
        // GIVEN a plain /done waiting for a link, in English and in Chinese
        say("eve", SETUP.formatted("en"));
        say("eve", "/done ml-spec-1");
        Reply zhDone = core.dispatcher().handle(Caller.direct("telegram", "fay", "fay", Lang.ZH), SETUP.formatted("zh"))
                .flatMap(r -> core.dispatcher().handle(Caller.direct("telegram", "fay", "fay", Lang.ZH), "/done ml-spec-1"))
                .orElseThrow();
        assertThat(zhDone.text()).contains("链接");
        // WHEN each asks a roadmap question instead of sending a link
        Reply en = say("eve", "which books should I read for deep learning?");
        Reply zh = core.dispatcher().handle(Caller.direct("telegram", "fay", "fay", Lang.ZH), "学深度学习看什么书？")
                .orElseThrow();
        // THEN the bot says it stopped waiting and answers the question in the same reply; no link is kept
        assertThat(en.text()).startsWith("That isn't a link, so I stopped waiting for one").contains("Deep Learning");
        assertThat(zh.text()).startsWith("这不是链接，我就不等链接了").contains("深度学习");
        assertThat(links("eve")).isEmpty();
        // and the dialogue is closed: the next message is a question again, with no note
        assertThat(say("eve", "how long does the roadmap take?").text()).doesNotContain("isn't a link");
    }

    @Test
    void givenDoneInGroup_whenNoLink_thenNoQuestionThatWouldCatchGroupChatter() {
        say("dan", SETUP.formatted("en"));
        assertThat(sayInGroup("dan", "/done ml-spec-1").text()).doesNotContain("Send me the link");
        assertThat(core.dispatcher().handle(new Caller("telegram", "dan", GROUP, true, true, "dan", Lang.EN),
                "hello group")).isEmpty();
    }

    @Test
    void givenProjects_whenMilestonesTicked_thenStatusLimitAndFinishMarkTheUnit() {
        say("eve", SETUP.formatted("en"));
        assertThat(say("eve", "/project").text()).contains("one or two impressive");
        Reply started = say("eve", "/project start Bird song classifier");
        assertThat(started.text()).contains("Started your project \"Bird song classifier\"").contains("▶ Idea and scope")
                .contains("Next: pick a problem");
        say("eve", "/project start Paper reimplementation: attention");
        assertThat(say("eve", "/project start A third one").text()).contains("already have 2 active projects");

        // two active: which one?
        Reply which = say("eve", "/project done");
        assertThat(which.text()).contains("Which project?");
        assertThat(which.choices()).hasSize(2);
        assertThat(say("eve", which.choices().get(0).action()).text()).contains("\"Idea and scope\" done for \"Bird song classifier\" (1/5)");
        assertThat(say("eve", "/project done 1 https://github.com/eve/birds").text()).contains("Architecture")
                .contains("Kept the link");
        assertThat(say("eve", "/project done 1 javascript:x").text()).contains("No milestone was ticked");
        say("eve", "/project done 1");
        say("eve", "/project done 1");
        Reply finished = say("eve", "/project done 1 https://eve.dev/birds-write-up");
        assertThat(finished.text()).contains("is finished").contains("First deep project");
        assertThat(say("eve", "/roadmap").text()).contains("✅ First deep project");

        Reply status = say("eve", "/project");
        assertThat(status.text()).contains("1. Paper reimplementation: attention").contains("Bird song classifier** · finished");
        assertThat(say("eve", "/project drop 1").text()).contains("Dropped \"Paper reimplementation: attention\"");
        assertThat(say("eve", "/progress").text()).contains("Projects").contains("\"Bird song classifier\" · finished")
                .contains("https://eve.dev/birds-write-up");
    }

    @Test
    void givenChineseLearner_whenDoneAndProject_thenChineseTexts() {
        say("hu", SETUP.formatted("zh"));
        Reply done = say("hu", "/done ml-spec-1");
        assertThat(done.text()).contains("把链接发给我");
        assertThat(done.buttons().get(1).label()).isEqualTo("跳过");
        assertThat(say("hu", "github.com/hu/ml1").text()).contains("已保存").contains("https://github.com/hu/ml1");
        assertThat(say("hu", "/project start 鸟鸣分类器").text()).contains("已开始你的项目“鸟鸣分类器”")
                .contains("▶ 想法与范围");
        assertThat(say("hu", "/progress").text()).contains("你的作品").contains("https://github.com/hu/ml1");
    }

    @Test
    void givenActiveProject_whenWeekPlanned_thenNextMilestoneInThePlanAndInGoals() throws Exception {
        say("fay", SETUP.formatted("zh"));
        say("fay", "/project start 鸟鸣分类器");
        core.weeklyGoals().sweep();
        String plan = outboxBodies("goals").get(0);
        assertThat(plan).contains("本周的项目里程碑").contains("“鸟鸣分类器”：想法与范围（已完成 0/5）");
        assertThat(say("fay", "/goals").text()).contains("想法与范围");
    }

    @Test
    void givenGroupWeek_whenSummaryWritten_thenItShowsTheWeeksLinksAndProjectProgress() {
        say("gus", SETUP.formatted("en"));
        sayInGroup("gus", "/group setup day=mon time=18:00 timezone=Europe/Berlin window=24");
        say("gus", "/project start Bird song classifier");
        List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());
        OutboxWriter recording = (Connection tx, OutgoingMessage m, Long learnerId, String key) -> sent.add(m);
        CheckinService checkins = new CheckinService(db, core.groups(), recording, clock);
        checkins.addSummarySection(new PortfolioSections(core.portfolio(), core.roadmap())::summary);
        clock.set(Instant.parse("2026-11-30T17:00:00Z"));
        checkins.sweep();
        clock.advance(Duration.ofHours(2));
        say("gus", "/done ml-spec-1 https://github.com/gus/ml1");
        say("gus", "/project done https://github.com/gus/birds/blob/main/SCOPE.md");
        clock.set(Instant.parse("2026-12-01T17:00:00Z"));
        checkins.sweep();

        String summary = sent.get(sent.size() - 1).reply().text();
        assertThat(summary).contains("**Projects**").contains("gus: \"Bird song classifier\" · 1/5, next: Architecture")
                .contains("(moved this week)");
        assertThat(summary).contains("**Made this week**")
                .contains("gus · Machine Learning Specialization, course 1").contains("https://github.com/gus/ml1")
                .contains("\"Bird song classifier\", Idea and scope: https://github.com/gus/birds/blob/main/SCOPE.md");
    }

    private List<String> outboxBodies(String kind) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select body from outbox where kind = ? order by id")) {
            ps.setString(1, kind);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
