package studybuddy.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.learner.Learner;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** The walking core's acceptance script, driven through the console platform on a real PostgreSQL. */
class ConsoleScriptTest {
    private static final String SETUP = "/setup background=%s path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00";

    private Database db;
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private String chat(String user, String... lines) throws Exception {
        BotCore core = new BotCore(db, clock);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ConsoleSession(core.dispatcher(), user, false)
                .run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")), out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a developer on the software path is sent to Andrew Ng's Machine Learning Specialization, not CS50")
    void givenDeveloper_whenNext_thenClassicMlUnit() throws Exception {
        // WHEN
        String out = chat("dev", SETUP.formatted("developer"), "/next");
        // THEN
        String next = out.substring(out.lastIndexOf("Next:"));
        assertThat(next).contains("Machine Learning Specialization").doesNotContain("CS50");
    }

    @Test
    void givenBeginner_whenNext_thenCs50() throws Exception {
        String out = chat("newbie", SETUP.formatted("scratch"), "/next");
        String next = out.substring(out.lastIndexOf("Next:"));
        assertThat(next).contains("CS50");
    }

    @Test
    void givenDoneUnit_whenSecondConsoleRunWithSameUser_thenProgressPersisted() throws Exception {
        // GIVEN a first run that marks a unit done
        String first = chat("carol", SETUP.formatted("developer"), "/done", "/progress");
        assertThat(first).contains("is marked done").containsPattern("Coursework done: 33 h");
        // WHEN a second run of the console for the same user asks for progress
        String second = chat("carol", "/progress");
        // THEN progress is above 0 % and the unit is still done
        assertThat(second).containsPattern("[1-9]\\d?%").contains("Coursework done: 33 h");
    }

    @Test
    void givenMarsTimezone_whenSetup_thenRefusedAndSettingsUnchanged() throws Exception {
        // GIVEN
        chat("dana", SETUP.formatted("developer"));
        // WHEN
        String out = chat("dana", "/setup timezone=Mars/Olympus");
        // THEN
        assertThat(out).contains("\"Mars/Olympus\" is not a timezone I know").contains("Europe/Berlin")
                .contains("Nothing was saved");
        Learner dana = new BotCore(db, clock).learners().findByPlatformUser("console", "dana").orElseThrow();
        assertThat(dana.settings().orElseThrow().zone().getId()).isEqualTo("Europe/Berlin");
    }

    @Test
    void givenOnboardedLearner_whenOneSettingChanged_thenOthersKept() throws Exception {
        chat("erin", SETUP.formatted("developer"));
        String out = chat("erin", "/setup hours=12");
        assertThat(out).contains("12 h a week").contains("Europe/Berlin").contains("Developer");
    }

    @Test
    void givenChoiceNumbers_whenGuidedOnboarding_thenEachQuestionAnsweredBySelectingOrTyping() throws Exception {
        // WHEN the learner answers the guided dialogue with choice numbers and typed values
        String out = chat("frank", "/start", "2", "1", "10", "Berlin", "1", "mon", "7pm");
        // THEN every question was asked in turn and the plan is saved
        assertThat(out).contains("where are you starting from?").contains("Which path")
                .contains("How many hours").contains("Which timezone").contains("Which language")
                .contains("On which day").contains("At what time");
        assertThat(out).contains("All set!").contains("Developer").contains("10 h a week")
                .contains("Europe/Berlin").contains("19:00");
    }

    @Test
    void givenBadAnswerInDialogue_whenTyped_thenRefusedAndAskedAgain() throws Exception {
        String out = chat("gus", "/start", "astronaut", "scratch", "/cancel", "/next");
        assertThat(out).contains("I don't know the background \"astronaut\"").contains("Which path")
                .contains("Cancelled").contains("Send /start");
    }

    @Test
    void givenBadAnswerInDialogue_whenRefused_thenTheChoicesAreOfferedAgainAndANumberPicksOne() throws Exception {
        String out = chat("gwen", "/start", "astronaut", "2");
        assertThat(out.substring(out.indexOf("astronaut"))).contains("[2] Developer").contains("Which path");
    }

    @Test
    void givenOnboardedLearner_whenBareStart_thenThePlanIsShownAndOneSettingChangesWithoutAskingTheRest()
            throws Exception {
        chat("olga", SETUP.formatted("developer"));
        // WHEN she sends /start again, picks "Hours a week" (3) and then types 15
        String out = chat("olga", "/start", "3", "15", "/progress");
        // THEN she saw her plan, was asked only about hours, and everything else was kept
        assertThat(out).contains("already set up").contains("Europe/Berlin").doesNotContain("where are you starting from");
        assertThat(out.substring(out.indexOf("All set!"))).contains("15 h a week").contains("Developer")
                .contains("Monday at 09:00");
        // AND a question typed afterwards is not swallowed by a dialogue
        assertThat(chat("olga", "/start timezone", "Tokyo", "what is mlops?")).contains("Asia/Tokyo")
                .doesNotContain("is not a timezone");
    }

    @Test
    void givenOnboardedLearnerReRunningStart_whenAChoiceIsPressed_thenItAnswersThatQuestion() throws Exception {
        chat("paul", SETUP.formatted("developer"));
        String out = chat("paul", "/start day", "/start day=fri");
        assertThat(out.substring(out.indexOf("All set!"))).contains("Friday at 09:00").contains("8 h a week");
    }

    @Test
    void givenChineseLearner_whenSetupInChinese_thenRepliesInChinese() throws Exception {
        String out = chat("hua", "/setup background=scratch path=software hours=10 timezone=上海 lang=zh day=周一 time=21:00",
                "/progress");
        assertThat(out).contains("设置完成").contains("Asia/Shanghai").contains("下一步").contains("你的进度");
    }

    @Test
    void givenHostileInput_whenSent_thenClearRepliesAndNoCrash() throws Exception {
        String sql = "/setup timezone='; drop table learner; --";
        String out = chat("ivy", "/frobnicate", "x".repeat(10_000), "🎉🎉🎉", sql, "/done unit=🚀", "/next");
        assertThat(out).contains("I don't know the command /frobnicate").contains("too long")
                .contains("is not a timezone I know").contains("Send /start");
        // the table is still there and usable
        assertThat(new BotCore(db, clock).learners().findByPlatformUser("console", "ivy")).isPresent();
    }

    @Test
    void givenGroupOption_whenSettingUpCheckins_thenTheConsoleUserActsAsTheLocalGroupsAdmin() throws Exception {
        // GIVEN / WHEN a console session speaking in a local group
        BotCore core = new BotCore(db, clock);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ConsoleSession(core.dispatcher(), "ana", "ml-study", false).run(new BufferedReader(new StringReader(
                "/group setup day=mon time=18:00 timezone=Europe/Berlin\n/group status\n")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        // THEN the group is set up with the console user as a member
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("Weekly check-in set").contains("Members: 1");
        assertThat(core.groups().findGroup("console", ConsoleSession.groupChatId("ml-study"))).isPresent();
    }

    @Test
    void givenNewLearner_whenOnboarded_thenTheFirstWeeksGoalsArePlannedAtTheNextSweepNotNextWeek() throws Exception {
        // GIVEN a learner who just finished onboarding on a Friday, with Monday as their weekly day
        String out = chat("gil", SETUP.formatted("developer"));
        assertThat(out).contains("first week's goals are on their way");
        BotCore core = new BotCore(db, clock);
        // WHEN the periodic sweep runs
        core.weeklyGoals().sweep();
        // THEN this week already has goals, starting with the next unit
        String goals = chat("gil", "/goals");
        assertThat(goals).contains("Machine Learning Specialization");
        // and a second sweep the same day plans nothing more
        assertThat(core.weeklyGoals().sweep().planned()).isZero();
    }

    @Test
    void givenUnreachableLearner_whenTheyWriteToTheBotPrivately_thenTheyAreReachableAgain() throws Exception {
        // GIVEN a learner the platform once refused to deliver to (blocked bot, closed DMs)
        chat("hal", SETUP.formatted("developer"));
        BotCore core = new BotCore(db, clock);
        long id = core.learners().findByPlatformUser("console", "hal").orElseThrow().id();
        core.learners().setReachable(id, false, "bot was blocked by the user");
        // WHEN they write to the bot in private
        chat("hal", "/next");
        // THEN messages may go to them again
        assertThat(core.learners().find(id).orElseThrow().reachable()).isTrue();
    }

    @Test
    void givenHoursQuestion_whenANumberIsTyped_thenItIsTheHoursNotAChoiceIndex() throws Exception {
        // WHEN the hours question (whose choices are numbers) is answered with a typed 5
        String out = chat("ida", "/start", "1", "1", "5", "UTC", "1", "mon", "09:00");
        // THEN the plan has 5 hours a week, not the fifth listed choice
        assertThat(out.substring(out.indexOf("All set!"))).contains("5 h a week");
        assertThat(out).contains("5 h a week · 8 h a week").doesNotContain("[1] 5 h a week");
    }

    @Test
    void givenDailyReminder_whenTheLearnerMovesTimezone_thenItKeepsItsWallClockTimeWhereTheyAreNow() throws Exception {
        // GIVEN a daily 21:00 reminder set in Berlin
        chat("jon", SETUP.formatted("developer"), "/remind every day 21:00 flashcards");
        // WHEN the learner moves to New York
        String out = chat("jon", "/setup timezone=America/New_York", "/reminders");
        // THEN the reminder is at 21:00 New York time (02:00 UTC), listed in the new zone
        assertThat(out.substring(out.lastIndexOf("flashcards"))).contains("21:00");
        BotCore core = new BotCore(db, clock);
        long id = core.learners().findByPlatformUser("console", "jon").orElseThrow().id();
        assertThat(core.reminders().active(id)).singleElement().satisfies(r -> {
            assertThat(r.rule().zone().getId()).isEqualTo("America/New_York");
            assertThat(r.nextFireAt()).contains(java.time.Instant.parse("2026-11-28T02:00:00Z"));
        });
    }
}
