package studybuddy.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

class ProgressServiceTest {
    private static final String SETUP =
            "/setup background=%s path=software hours=%d timezone=Europe/Berlin lang=en day=mon time=09:00";

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

    private String say(String user, String line) {
        return core.dispatcher().handle(Caller.direct("console", user, user, Lang.EN), line).orElseThrow().text();
    }

    @Test
    void givenUnitAlreadyDone_whenDoneAgain_thenSaidSoInsteadOfCongratulatedTwice() {
        say("ann", SETUP.formatted("developer", 10));
        assertThat(say("ann", "/done ml-spec-1")).contains("is marked done");
        assertThat(say("ann", "/done ml-spec-1")).contains("was already marked done").doesNotContain("Well done");
        assertThat(say("ann", "/skip math-calculus")).contains("Skipped");
        assertThat(say("ann", "/skip math-calculus")).contains("was already skipped");
        // skipped, then done after all: that is a change
        assertThat(say("ann", "/done math-calculus")).contains("is marked done");
    }

    @Test
    void givenNewLearner_whenProgressOnTheFirstDay_thenNotBehindPlan() {
        say("bob", SETUP.formatted("scratch", 20));
        assertThat(say("bob", "/progress")).contains("on track").doesNotContain("behind");
    }

    @Test
    void givenBeginnerDoingTheirWeeklyHours_whenProgress_thenOnTrackNotBehind() {
        // GIVEN a beginner planning 40 h a week, the seed's full-time pace (18 months for the whole route)
        say("cat", SETUP.formatted("scratch", 40));
        // WHEN after four weeks they finished CS50 weeks 0-3: 40 course hours, which at the seed's pace for the
        // whole route (about 3.5 h of study per course hour) is about 140 of their 160 planned hours
        clock.advance(Duration.ofDays(28));
        say("cat", "/done cs50-1");
        // THEN they are on track, not "40 h of 160 h planned: behind"
        assertThat(say("cat", "/progress")).contains("on track");
    }

    @Test
    void givenAlmostEverythingCovered_whenProgress_thenBarAndPercentNotFullYet() {
        say("dan", SETUP.formatted("data-scientist", 10));
        String view = say("dan", "/progress");
        String pct = view.replaceAll("(?s).*?(\\d+)%.*", "$1");
        assertThat(Integer.parseInt(pct)).isLessThan(100);
        assertThat(view).doesNotContain("██████████");
    }
}
