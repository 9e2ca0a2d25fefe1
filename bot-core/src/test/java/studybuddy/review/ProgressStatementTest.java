package studybuddy.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Attachment;
import studybuddy.command.Caller;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.learner.LearnerCommands;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;
import studybuddy.testing.RoundTrips;

/** /progress reads what it shows in one statement, and shows what the parts read apart showed. */
class ProgressStatementTest {
    private static final String SETUP =
            "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=%s day=mon time=09:00";
    private final Caller ada = caller("ada", Lang.EN);
    private final Caller li = caller("li", Lang.ZH);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z")); // a Monday
    private Database db;
    private BotCore core;
    private CommandSpec apart;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, clock);
        // /progress as it was: each part reads on its own (route, projects, links, review figures)
        apart = new ReviewCommands(core.learners(), core.reviews(), core.progressPicture()).extendProgress(
                        new LearnerCommands(core.learners(), core.dialogues(), core.onboarding(), core.progress()).specs())
                .stream().filter(s -> s.name().equals("progress")).findFirst().orElseThrow();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    @DisplayName("given an onboarded learner with reviews, projects and links, when /progress, then three statements in three round trips")
    void progressIsThreeStatements() {
        // GIVEN a learner with marks, a review item, a project with a milestone and a link, the driver warmed up
        handle(ada, SETUP.formatted("en"));
        handle(ada, "/done");
        handle(ada, "/done " + "https://github.com/ada/first");
        handle(ada, "/project start Bird song classifier");
        handle(ada, "/project done 1 https://github.com/ada/birds");
        handle(ada, "/progress");
        // WHEN
        Reply[] reply = new Reply[1];
        RoundTrips.Count count = RoundTrips.of(() -> reply[0] = handle(ada, "/progress"));
        // THEN the learner (with their dialogue; BEGIN rides along), the one read of everything shown, and the end
        // of a read-only unit (did it write? and the ROLLBACK, together)
        assertThat(count.roundTrips()).as("round trips of one /progress: %s", count.sql()).isEqualTo(3);
        assertThat(count.statements()).as("statements of one /progress: %s", count.sql()).isBetween(3, 4);
        assertThat(count.sql()).allSatisfy(sql -> assertThat(sql).containsAnyOf("txid_current_if_assigned",
                "from learner_account", "select m.marks", "…"));
        assertThat(reply[0].text()).contains("Bird song classifier").contains("github.com/ada/birds")
                .contains("under review");
        assertThat(reply[0].attachments()).hasSize(1);
    }

    @Test
    @DisplayName("given learners in many states, in English and Chinese, when /progress, then the reply is the one the parts read apart gave")
    void sameReplyAsReadApart() {
        for (Caller c : List.of(ada, li)) {
            String lang = c.platformLang() == Lang.ZH ? "zh" : "en";
            // a new learner: not onboarded yet
            assertSame(c);
            handle(c, SETUP.formatted(lang));
            assertSame(c); // nothing done yet, first week
            handle(c, "/done");
            handle(c, "/cancel"); // no link for it: the dispatcher would remind of the open question
            handle(c, "/skip");
            assertSame(c); // a unit under review, not yet due, no answers
            clock.advance(Duration.ofDays(3));
            assertSame(c); // the first review due
            long id = core.learners().findByPlatformUser("console", c.userId()).orElseThrow().id();
            // 25 answers: the newest three right after a wrong one; retention over the last 20
            for (int i = 0; i < 25; i++) {
                answer(id, i % 4 != 3 || i == 21, clock.instant().minusSeconds(3600L * (25 - i)));
            }
            assertSame(c);
            handle(c, "/done https://github.com/" + c.userId() + "/second");
            handle(c, "/project start Bird song classifier");
            handle(c, "/project start Paper reimplementation");
            handle(c, "/project done 1 https://github.com/" + c.userId() + "/birds");
            handle(c, "/project drop 2");
            handle(c, "/cancel");
            assertThat(assertSame(c)).contains("Bird song classifier").doesNotContain("Paper reimplementation")
                    .contains("github.com/" + c.userId() + "/birds"); // projects (one dropped) and links
            handle(c, "/review off");
            clock.advance(Duration.ofDays(20));
            assertSame(c); // reviews off, weeks later
            // all right since the wrong ones: the streak runs back to the newest wrong answer
            for (int i = 0; i < 30; i++) {
                answer(id, true, clock.instant().minusSeconds(60L * (30 - i)));
            }
            assertSame(c);
        }
    }

    private String assertSame(Caller c) {
        Reply before = db.inUnitOfWork(() -> {
            core.learners().findOrCreate(c); // as the dispatcher does: the learner first, then read-only
            db.readOnlyFromHere();
            return apart.handler().handle(new CommandRequest(c, "progress", Map.of(), ""));
        });
        Reply after = handle(c, "/progress");
        assertThat(after.text()).isEqualTo(before.text());
        assertThat(after.buttons()).isEqualTo(before.buttons());
        assertThat(after.choices()).isEqualTo(before.choices());
        assertThat(after.ephemeral()).isEqualTo(before.ephemeral());
        assertThat(after.attachments()).hasSameSizeAs(before.attachments());
        for (int i = 0; i < after.attachments().size(); i++) {
            Attachment a = after.attachments().get(i);
            Attachment b = before.attachments().get(i);
            assertThat(a.fileName()).isEqualTo(b.fileName());
            assertThat(a.mimeType()).isEqualTo(b.mimeType());
            assertThat(a.data()).as("the picture of %s", c.userId()).isEqualTo(b.data());
        }
        return after.text();
    }

    private void answer(long learnerId, boolean correct, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into review_answer (learner_id, item_id, question_id, correct, answered_at)
                    select ?, id, 'q', ?, ? from review_item where learner_id = ? order by id limit 1""")) {
                ps.setLong(1, learnerId);
                ps.setBoolean(2, correct);
                ps.setTimestamp(3, java.sql.Timestamp.from(at));
                ps.setLong(4, learnerId);
                return ps.executeUpdate();
            }
        });
    }

    private Reply handle(Caller caller, String line) {
        return core.dispatcher().handle(caller, line).orElseThrow();
    }

    private static Caller caller(String name, Lang lang) {
        return new Caller("console", name, name, false, false, name, lang);
    }
}
