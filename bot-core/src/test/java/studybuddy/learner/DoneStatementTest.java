package studybuddy.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;
import studybuddy.testing.RoundTrips;

/** /done in three statements and three round trips, writing what the separate repository calls wrote. */
class DoneStatementTest {
    private static final String SETUP =
            "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00";
    private final Caller ada = caller("ada");
    private final Caller bob = caller("bob");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z")); // a Monday
    private Database db;
    private BotCore core;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    @DisplayName("given an onboarded learner, when /done, then three statements go out in three round trips")
    void doneIsThreeStatements() {
        // GIVEN a learner with this week's goals planned, and the driver warmed up
        handle(ada, SETUP);
        core.weeklyGoals().sweep();
        handle(ada, "/next");
        // WHEN
        Reply[] reply = new Reply[1];
        RoundTrips.Count count = RoundTrips.of(() -> reply[0] = handle(ada, "/done"));
        // THEN the learner (with their dialogue), the marks (with the review schedule), one write with the commit
        assertThat(count.statements()).as("statements of one /done: %s", count.sql()).isEqualTo(3);
        assertThat(count.roundTrips()).as("round trips of one /done").isEqualTo(3);
        assertThat(reply[0].text()).contains("is marked done").contains("Send me the link");
        long id = core.learners().findByPlatformUser("console", "ada").orElseThrow().id();
        assertThat(rows(id).get("unit_progress")).hasSize(1).first().asString().contains("done");
        assertThat(rows(id).get("review_item")).hasSize(1);
        assertThat(rows(id).get("review_schedule")).hasSize(1).first().asString().doesNotEndWith("null");
        assertThat(rows(id).get("weekly_goal")).anySatisfy(goal -> assertThat(goal).doesNotEndWith("null"));
        assertThat(rows(id).get("dialogue")).hasSize(1).first().asString().startsWith("done");
        // and the second /done, of the next unit, is as short
        assertThat(RoundTrips.of(() -> handle(ada, "/done")).statements()).isEqualTo(3);
    }

    @Test
    @DisplayName("given two like learners, when one marks units done in one statement and the other through each repository, then the rows are the same")
    void writesWhatTheRepositoriesWrote() {
        // GIVEN two learners with the same plan and week, and the path /done took before: the mark, then each
        // listener, then the link question
        for (Caller c : List.of(ada, bob)) {
            handle(c, SETUP);
        }
        core.weeklyGoals().sweep();
        ProgressService apart = new ProgressService(core.roadmap(), new PostgresProgressRepository(db), clock);
        apart.addMarkListener(core.weeklyGoals()::unitMarked);
        apart.addMarkListener(core.reviews()::unitMarked);
        long adaId = core.learners().findByPlatformUser("console", "ada").orElseThrow().id();
        long bobId = core.learners().findByPlatformUser("console", "bob").orElseThrow().id();
        List<Runnable> steps = List.of(
                () -> { }, // the first unit: no review schedule yet
                () -> { }, // the next one the same day: the earliest review stays
                () -> clock.advance(Duration.ofDays(2).plusHours(10)), // the first review's time passed, not yet swept
                () -> both("/review time 07:30"),
                () -> both("/review off"),
                () -> both("/review on"));
        for (Runnable step : steps) {
            step.run();
            // WHEN
            handle(ada, "/done");
            db.inUnitOfWork(() -> {
                Learner b = core.learners().findByPlatformUser("console", "bob").orElseThrow();
                String unit = apart.routeOf(b).current().orElseThrow().id();
                apart.mark(b, "", Mark.Status.DONE);
                core.dialogues().save(b.id(), new DialogueRepository.Dialogue("done", Map.of("unit", unit)),
                        clock.instant());
                return null;
            });
            // THEN
            assertThat(rows(adaId)).isEqualTo(rows(bobId));
        }
        assertThat(rows(adaId).get("unit_progress")).hasSize(steps.size());
        // and a unit done twice is said to be done already, and changes nothing
        Map<String, List<String>> before = rows(adaId);
        String unit = rows(adaId).get("unit_progress").get(0).split(" ")[0];
        assertThat(handle(ada, "/done " + unit).text()).containsIgnoringCase("already");
        assertThat(rows(adaId)).isEqualTo(before);
    }

    @Test
    @DisplayName("given an unknown unit, when /done names it, then nothing is written and the reply names what is next")
    void unknownUnitWritesNothing() {
        handle(ada, SETUP);
        long id = core.learners().findByPlatformUser("console", "ada").orElseThrow().id();
        Map<String, List<String>> before = rows(id);
        // WHEN
        Reply reply = handle(ada, "/done no-such-unit-'; drop table learner; --");
        // THEN
        assertThat(reply.text()).contains("no-such-unit").doesNotContain("wrong");
        assertThat(rows(id)).isEqualTo(before);
    }

    private void both(String line) {
        handle(ada, line);
        handle(bob, line);
    }

    private Reply handle(Caller caller, String line) {
        return core.dispatcher().handle(caller, line).orElseThrow();
    }

    private static Caller caller(String name) {
        return new Caller("console", name, name, false, false, name, Lang.EN);
    }

    /** A learner's rows of the tables /done writes, without the learner's id and the rows' own ids. */
    private Map<String, List<String>> rows(long learnerId) {
        Map<String, String> queries = Map.of(
                "unit_progress", "select unit_id, status, marked_at from unit_progress where learner_id = ? order by unit_id",
                "weekly_goal", "select week_start, unit_id, hours, carried, done_at from weekly_goal where learner_id = ?"
                        + " order by week_start, position",
                "review_item", "select unit_id, due_on, interval_days, streak, ease, rounds, created_at from review_item"
                        + " where learner_id = ? order by unit_id",
                "review_schedule", "select enabled, review_time, next_run_at from review_schedule where learner_id = ?",
                "dialogue", "select command, answers::text, updated_at from dialogue where learner_id = ?");
        return db.inTransaction(c -> {
            Map<String, List<String>> out = new java.util.TreeMap<>();
            for (Map.Entry<String, String> q : queries.entrySet()) {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(q.getValue())) {
                    ps.setLong(1, learnerId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            List<String> cells = new ArrayList<>();
                            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                cells.add(String.valueOf(Optional.ofNullable(rs.getObject(i)).orElse("null")));
                            }
                            rows.add(String.join(" ", cells));
                        }
                    }
                }
                out.put(q.getKey(), rows);
            }
            return out;
        });
    }
}
