package studybuddy.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.i18n.Lang;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;
import studybuddy.roadmap.StudyEstimator;
import studybuddy.roadmap.TimeEstimate;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** One estimate model: onboarding, /progress and the Q&A say the same, and it stays near the article's figures. */
class EstimateConsistencyTest {
    private static final Pattern AHEAD = Pattern.compile("Still ahead: about ([\\d,]+) h");
    private static final Pattern FINISH = Pattern.compile("At (\\d+) h a week .*finish around \\*\\*(.+?)\\*\\*");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

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

    private static String say(String user, String line) {
        return core.dispatcher().handle(Caller.direct("console", user, user, Lang.EN), line).orElseThrow().text();
    }

    @Test
    @DisplayName("every background × path × 5/10/20/40 h: onboarding, /progress and the Q&A agree, hours ÷ weekly hours give the date, near the article")
    void givenEveryProfile_whenEstimateShown_thenThreePlacesAgreeAndStayNearTheArticle() {
        StudyEstimator estimator = core.progress().estimator();
        LocalDate today = LocalDate.now(CLOCK.withZone(ZONE));
        for (Background b : Background.values()) {
            for (LearningPath p : LearningPath.values()) {
                for (int hours : new int[] {5, 10, 20, 40}) {
                    String user = b.id() + "-" + p.id() + "-" + hours;
                    // GIVEN / WHEN the three places
                    String onboarding = say(user, "/setup background=%s path=%s hours=%d timezone=Europe/Berlin lang=en day=mon time=09:00"
                            .formatted(b.id(), p.id(), hours));
                    String progress = say(user, "/progress");
                    String qa = say(user, "How long will it take me?");
                    // THEN the same estimate text in each
                    StudyEstimator.Estimate e = estimator.wholeRoute(b, p, hours);
                    String expected = StudyEstimator.describe(Lang.EN, e, today);
                    assertThat(onboarding).as(user + " onboarding").contains(expected);
                    assertThat(progress).as(user + " progress").contains(expected);
                    assertThat(qa).as(user + " Q&A").contains(expected);
                    // the hours shown divided by the weekly hours give the date shown (to the day)
                    long shownHours = number(AHEAD, progress, 1);
                    Matcher finish = FINISH.matcher(progress);
                    assertThat(finish.find()).as(progress).isTrue();
                    LocalDate date = LocalDate.parse(finish.group(2),
                            DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH));
                    assertThat(ChronoUnit.DAYS.between(today, date)).as(user)
                            .isCloseTo(Math.round(shownHours * 7.0 / hours), org.assertj.core.data.Offset.offset(1L));
                    // and the hours say where they come from
                    assertThat(progress).contains("h of coursework plus about").contains("of practice and projects");
                    // near the article's figure for that starting point, at the article's weekly hours
                    if (core.roadmap().estimate(b).isPresent()) {
                        TimeEstimate figure = core.roadmap().estimate(b).get();
                        double articleHours = StudyEstimator.articleHours(figure);
                        assertThat(shownHours / articleHours).as(user + " vs the article").isBetween(0.85, 1.2);
                    }
                }
            }
        }
        // the article's own words: 18 months full time from scratch, ~6 months for a developer, a few for a data scientist
        assertThat(estimator.wholeRoute(Background.SCRATCH, LearningPath.SOFTWARE, 40).months()).isBetween(17.0, 19.0);
        assertThat(estimator.wholeRoute(Background.DEVELOPER, LearningPath.SOFTWARE, 20).months()).isBetween(5.0, 7.5);
        assertThat(estimator.wholeRoute(Background.DATA_SCIENTIST, LearningPath.DATA, 40).months()).isBetween(2.0, 4.5);
        // no figure for quantitative students: between a data scientist and a beginner
        assertThat(estimator.wholeRoute(Background.QUANT_STUDENT, LearningPath.DATA, 10).totalHours())
                .isBetween(estimator.wholeRoute(Background.DATA_SCIENTIST, LearningPath.DATA, 10).totalHours(),
                        estimator.wholeRoute(Background.SCRATCH, LearningPath.DATA, 10).totalHours());
    }

    @Test
    void givenBeginnerProfile_whenAskerStatesDataScientist_thenAnsweredForADataScientist() {
        // GIVEN a learner set up as a beginner
        say("eve", "/setup background=scratch path=software hours=10 timezone=Europe/Berlin lang=en day=mon time=09:00");
        // WHEN they ask as a data scientist, in English and in Chinese
        String en = say("eve", "I am a data scientist, how long will it take?");
        String zh = say("eve", "我是数据科学家，需要多长时间？");
        // THEN the answer is for a data scientist, not "starting from scratch"
        StudyEstimator.Estimate ds = core.progress().estimator()
                .wholeRoute(Background.DATA_SCIENTIST, LearningPath.SOFTWARE, 10);
        assertThat(en).contains("data scientist").contains("10 h a week").doesNotContain("starting from scratch")
                .contains(StudyEstimator.describe(Lang.EN, ds, LocalDate.now(CLOCK.withZone(ZONE))));
        assertThat(zh).contains("数据科学家").contains(Integer.toString(ds.totalHours() / 1000));
    }

    @Test
    void givenNoProfile_whenAskerStatesDeveloper_thenEstimateAtTheArticlesWeeklyHours() {
        // WHEN someone who never set up asks as a developer
        String answer = say("fay", "I'm a software engineer. How long will it take me?");
        // THEN the developer figure, at the article's weekly hours for it
        int weekly = core.roadmap().estimate(Background.DEVELOPER).orElseThrow().hoursPerWeek();
        assertThat(answer).contains("developer").contains(weekly + " h a week")
                .contains("h of coursework plus about");
    }

    @Test
    void givenTwoUnitsDoneOnTheFirstDay_whenProgress_thenNoHoursStudiedOfPlannedContradiction() {
        // GIVEN a new developer at 8 h a week who marks two units done at once
        say("gus", "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00");
        say("gus", "/done");
        say("gus", "/done");
        // WHEN
        String view = say("gus", "/progress");
        // THEN coursework done and the plan so far are told apart, not "63 h of 8 h planned"
        assertThat(view).doesNotContain("h planned so far").doesNotContainPattern("\\d+ h of \\d+ h planned")
                .containsPattern("Coursework done: \\d+ h · your plan so far: 8 h at 8 h a week")
                .contains("ahead of plan");
    }

    private static long number(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(group).replace(",", ""));
    }
}
