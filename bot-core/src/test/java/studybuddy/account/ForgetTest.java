package studybuddy.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Button;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;
import studybuddy.reminders.OutboxSender;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** /export and /forget on a real PostgreSQL, proven by scanning every table of the schema afterwards. */
class ForgetTest {
    // Distinctive ids, so that a scan of every column of every table finds them and nothing else.
    private static final long FIRST_ID = 770_000_001L;
    private static final String TG_USER = "7731900017";
    private static final String DC_USER = "884290000000000017";
    private static final String TG_GROUP = "-1007731999";
    private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");

    private Database db;
    private MutableClock clock;
    private BotCore core;

    @BeforeEach
    void setUp() throws Exception {
        db = TestDatabase.fresh(6);
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("select setval('learner_id_seq', " + (FIRST_ID - 1) + ")");
        }
        clock = new MutableClock(START);
        core = new BotCore(db, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Reply say(Caller caller, String line) {
        return core.dispatcher().handle(caller, line).orElseThrow();
    }

    private static Caller tg(String user) {
        return Caller.direct("telegram", user, "Zora", Lang.EN);
    }

    private static Caller tgGroup(String user, boolean admin) {
        return new Caller("telegram", user, TG_GROUP, true, admin, user.equals(TG_USER) ? "Zora" : "Other", Lang.EN);
    }

    private static Caller dc(String user) {
        return Caller.direct("discord", user, "Zora", Lang.EN);
    }

    /** A learner who used everything: two linked accounts, a plan, progress, links, a project, a group… */
    private long givenLearnerWhoUsedEverything() {
        Caller me = tg(TG_USER);
        say(me, "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00");
        say(me, "/done ml-spec-1 https://github.com/zora/ml-spec-1-notebooks");
        say(me, "/remind every day 21:00 review flashcards");
        say(me, "/quiet 22:00-07:00");
        say(me, "/project start Sentiment of " + TG_USER + " tweets");
        say(me, "/project done https://zora.dev/" + TG_USER + "/scope");
        // a group she set up, with another member
        say(tgGroup(TG_USER, true), "/group setup day=mon time=18:00 timezone=Europe/Berlin window=24");
        say(tgGroup("5550001", false), "/group join");
        say(tg("5550001"), "/setup background=scratch path=software hours=5 timezone=Europe/Berlin lang=en day=mon time=09:00");
        // her Discord account, linked into the same learner
        String code = say(me, "/link").text().replaceAll("(?s).*\\*\\*([A-Z0-9]{4}-[A-Z0-9]{4})\\*\\*.*", "$1");
        assertThat(say(dc(DC_USER), "/link " + code).text()).contains("Linked");
        say(dc(DC_USER), "/note I explained gradient descent to my cat");
        say(me, "/link"); // a fresh code left pending
        // a week runs: goals, reminders and the group's check-in go through the outbox
        core.weeklyGoals().sweep();
        clock.set(Instant.parse("2026-11-30T17:00:00Z"));
        core.checkins().sweep();
        say(tgGroup(TG_USER, true), "/checkin done: ML course 1 ; next: course 2 ; blockers: none");
        clock.set(Instant.parse("2026-11-30T20:05:00Z"));
        core.reminders().sweep();
        clock.set(Instant.parse("2026-12-01T17:00:00Z"));
        core.checkins().sweep();
        // delivered by fake platforms that accept everything
        MessageSender accepting = new MessageSender() {
            @Override
            public String platform() {
                return "any";
            }

            @Override
            public SendResult send(OutgoingMessage message) {
                return new SendResult.Sent("ok");
            }
        };
        new OutboxSender(db, platform -> accepting, core.learners(), clock, 100).drain();
        assertThat(count("select count(*) from outbox where status = 'sent'")).isGreaterThan(3);
        return core.learners().findByPlatformUser("telegram", TG_USER).orElseThrow().id();
    }

    @Test
    @DisplayName("/export: a JSON file with every table's rows about the learner, and a readable summary")
    void givenActiveLearner_whenExport_thenJsonHasTheirRowsAndSummaryCountsThem() throws Exception {
        long id = givenLearnerWhoUsedEverything();
        assertThat(id).isEqualTo(FIRST_ID);

        Reply reply = say(dc(DC_USER), "/export");

        assertThat(reply.text()).contains("everything I keep about you").contains("Telegram and Discord")
                .contains("Units you marked: 1").contains("Reminders: 1").contains("Links to your work: 2")
                .contains("Projects: 1").contains("Study groups: 1").contains("Notes: 1");
        assertThat(reply.attachments()).singleElement().satisfies(a -> {
            assertThat(a.mimeType()).isEqualTo("application/json");
            assertThat(a.fileName()).endsWith(".json");
        });
        JsonNode json = new ObjectMapper().readTree(reply.attachments().get(0).data());
        JsonNode tables = json.get("tables");
        assertThat(tables.get("learner").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(tables.get("learner_account")).hasSize(2);
        assertThat(tables.get("work_link").toString()).contains("ml-spec-1-notebooks");
        assertThat(tables.get("project_milestone")).hasSize(1);
        assertThat(tables.get("checkin_answer").get(0).get("done").asText()).isEqualTo("ML course 1");
        assertThat(tables.get("outbox").toString()).doesNotContain("\"attachment\"");
        // nobody else's rows
        assertThat(json.toString()).doesNotContain("5550001");
    }

    @Test
    @DisplayName("/forget, confirmed: no table of the schema holds the learner's ids any more; others keep theirs")
    void givenActiveLearner_whenForgetConfirmed_thenEveryTableIsFreeOfTheirIds() throws Exception {
        long id = givenLearnerWhoUsedEverything();
        assertThat(scan(List.of(Long.toString(id), TG_USER, DC_USER))).isNotEmpty(); // the scan does see them

        Reply ask = say(tg(TG_USER), "/forget");
        assertThat(ask.text()).contains("cannot be undone").contains("Telegram and Discord");
        Button yes = ask.buttons().get(0);
        Reply done = say(tg(TG_USER), yes.action());

        assertThat(done.text()).contains("everything I kept about you is erased");
        assertThat(scan(List.of(Long.toString(id), TG_USER, DC_USER))).isEmpty();
        // the other member, the group and its check-in history are still there
        assertThat(core.learners().findByPlatformUser("telegram", "5550001")).isPresent();
        assertThat(core.groups().findGroup("telegram", TG_GROUP)).isPresent();
    }

    @Test
    void givenForgetAsked_whenConfirmationIsStaleOrForged_thenNothingErased() {
        long id = givenLearnerWhoUsedEverything();
        Reply ask = say(tg(TG_USER), "/forget");
        String action = ask.buttons().get(0).action();

        assertThat(say(tg(TG_USER), "/forget 1-abcdef0123").text()).contains("not valid");
        assertThat(say(tg("5550001"), action).text()).as("another learner's button").contains("not valid");
        assertThat(say(tg(TG_USER), ask.buttons().get(1).action()).text()).contains("Nothing was erased");
        clock.advance(Duration.ofMinutes(11));
        assertThat(say(tg(TG_USER), action).text()).contains("not valid");
        assertThat(core.learners().find(id)).isPresent();
    }

    @Test
    void givenGroupChat_whenForgetOrExport_thenRefusedThere() {
        givenLearnerWhoUsedEverything();
        assertThat(say(tgGroup(TG_USER, true), "/forget").text()).contains("only in a private chat");
        assertThat(say(tgGroup(TG_USER, true), "/export").attachments()).isEmpty();
    }

    private int count(String sql) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** Every column of every table (cast to text) that equals or contains one of the values: "table.column". */
    private List<String> scan(List<String> values) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = db.connection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select c.table_name, c.column_name from information_schema.columns c
                      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                     order by 1, 2""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns.size()).isGreaterThan(50);
            for (String[] col : columns) {
                String sql = "select count(*) from \"" + col[0] + "\" where strpos(\"" + col[1] + "\"::text, ?) > 0";
                for (String v : values) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, v);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getInt(1) > 0) {
                                found.add(col[0] + "." + col[1] + " has " + v);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
