package studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.i18n.Lang;
import studybuddy.learner.DialogueRepository;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

/** One message, one transaction: reads that write nothing, failures that keep nothing. */
class UnitOfWorkTest {
    private static final String SETUP =
            "/setup background=developer path=software hours=8 timezone=Europe/Berlin lang=en day=mon time=09:00";
    private final Caller ada = new Caller("console", "ada", "ada", false, false, "Ada", Lang.EN);
    private Database db;
    private BotCore core;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, new MutableClock(Instant.parse("2026-11-27T10:00:00Z")));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    @DisplayName("given an onboarded learner, when /next, /progress, /roadmap and a question run, then no row is rewritten")
    void readOnlyCommandsWriteNothing() {
        // GIVEN
        core.dispatcher().handle(ada, SETUP);
        String before = rowVersions();
        // WHEN
        for (String line : List.of("/next", "/progress", "/roadmap", "what is a transformer?")) {
            assertThat(core.dispatcher().handle(ada, line).orElseThrow().text()).isNotBlank()
                    .doesNotContain("went wrong");
        }
        // THEN every learner, progress and dialogue row is the version it was (xmin changes on any rewrite)
        assertThat(rowVersions()).isEqualTo(before);
    }

    @Test
    @DisplayName("given the wired bot, when its read commands are looked up, then each runs in a read-only transaction")
    void readCommandsStayReadOnlyWhenExtended() {
        // GIVEN the commands as Features wires them (/progress is extended with the review line and the picture)
        // WHEN / THEN the handlers the dispatcher runs are still marked read-only
        for (String name : List.of("next", "progress", "roadmap", "ask")) {
            assertThat(core.dispatcher().spec(name).orElseThrow().handler()).as(name)
                    .isInstanceOf(CommandHandler.ReadOnly.class);
        }
    }

    @Test
    @DisplayName("given a new display name, when the learner writes, then the row is updated once and then left alone")
    void changedNameIsWrittenOnce() {
        core.dispatcher().handle(ada, SETUP);
        Caller renamed = new Caller("console", "ada", "ada", false, false, "Ada L.", Lang.EN);
        // WHEN
        core.dispatcher().handle(renamed, "/next");
        String afterRename = rowVersions();
        core.dispatcher().handle(renamed, "/next");
        // THEN
        assertThat(core.learners().findByPlatformUser("console", "ada").orElseThrow().displayName())
                .isEqualTo("Ada L.");
        assertThat(rowVersions()).isEqualTo(afterRename);
    }

    @Test
    @DisplayName("given a handler that writes and then fails, when dispatched, then the apology comes and nothing is kept")
    void failingCommandIsRolledBack() {
        // GIVEN a command that starts a dialogue, then breaks
        CommandSpec broken = new CommandSpec("broken", List.of(), "core", "help.description", List.of(),
                Audience.PERSONAL, r -> {
                    long id = core.learners().findOrCreate(r.caller()).id();
                    core.dialogues().save(id, new DialogueRepository.Dialogue("broken", Map.of("a", "b")),
                            Instant.now());
                    throw new IllegalStateException("boom");
                }, null);
        CommandDispatcher dispatcher = new CommandDispatcher(List.of(broken), core.learners(), core.dialogues(), db);
        // WHEN
        Reply reply = dispatcher.handle(ada, "/broken").orElseThrow();
        // THEN not even the learner row of this first contact was kept
        assertThat(reply.text()).containsIgnoringCase("wrong");
        assertThat(count("select count(*) from learner")).isZero();
        assertThat(count("select count(*) from dialogue")).isZero();
    }

    @Test
    @DisplayName("given a read-only handler that writes, when dispatched, then the write is refused and rolled back")
    void readOnlyHandlerCannotWrite() {
        core.dispatcher().handle(ada, SETUP);
        CommandSpec sneaky = new CommandSpec("sneaky", List.of(), "core", "help.description", List.of(),
                Audience.PERSONAL, CommandHandler.readOnly(r -> {
                    core.dialogues().save(core.learners().findOrCreate(r.caller()).id(),
                            new DialogueRepository.Dialogue("sneaky", Map.of()), Instant.now());
                    return Reply.text("wrote");
                }), null);
        CommandDispatcher dispatcher = new CommandDispatcher(List.of(sneaky), core.learners(), core.dialogues(), db);
        // WHEN
        Reply reply = dispatcher.handle(ada, "/sneaky").orElseThrow();
        // THEN
        assertThat(reply.text()).doesNotContain("wrote");
        assertThat(count("select count(*) from dialogue")).isZero();
    }

    @Test
    @DisplayName("given a first message in Chinese, when the question is answered read-only, then the learner and their language are kept")
    void writesBeforeAReadOnlyHandlerAreKept() {
        // GIVEN a new learner whose platform says English; first contact and the language guess write the learner row
        Caller li = new Caller("console", "li", "li", false, false, "Li", Lang.EN);
        // WHEN they ask in Chinese (the question itself is read-only)
        Reply reply = core.dispatcher().handle(li, "深度学习要学多久？").orElseThrow();
        // THEN the answer came, and the row and the language written before the read-only part were committed
        assertThat(reply.text()).doesNotContain("went wrong").doesNotContain("出错");
        assertThat(core.learners().findByPlatformUser("console", "li").orElseThrow().lang()).isEqualTo(Lang.ZH);
    }

    @Test
    @DisplayName("given one message, when its handler reads and writes through several repositories, then all is one transaction")
    void repositoriesJoinTheUnit() {
        List<Long> txids = new ArrayList<>();
        CommandSpec probe = new CommandSpec("probe", List.of(), "core", "help.description", List.of(),
                Audience.PERSONAL, r -> {
                    long id = core.learners().findOrCreate(r.caller()).id();
                    txids.add(txid());
                    core.dialogues().save(id, new DialogueRepository.Dialogue("probe", Map.of()), Instant.now());
                    core.dialogues().clear(id);
                    txids.add(txid());
                    return Reply.text("ok");
                }, null);
        CommandDispatcher dispatcher = new CommandDispatcher(List.of(probe), core.learners(), core.dialogues(), db);
        // WHEN
        dispatcher.handle(ada, "/probe");
        // THEN
        assertThat(txids).hasSize(2);
        assertThat(txids.get(0)).isEqualTo(txids.get(1));
    }

    @Test
    @DisplayName("given a weekly-goal tick that fails, when /done, then the unit is not marked either")
    void doneIsAtomic() {
        core.dispatcher().handle(ada, SETUP);
        int marksBefore = count("select count(*) from unit_progress");
        core.progress().addMarkListener((learner, unit, status) -> {
            throw new IllegalStateException("tick failed");
        });
        // WHEN
        Reply reply = core.dispatcher().handle(ada, "/done").orElseThrow();
        // THEN
        assertThat(reply.text()).containsIgnoringCase("wrong");
        assertThat(count("select count(*) from unit_progress")).isEqualTo(marksBefore);
    }

    private long txid() {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("select txid_current()")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String rowVersions() {
        return db.inTransaction(c -> {
            StringBuilder out = new StringBuilder();
            for (String table : List.of("learner", "unit_progress", "dialogue", "weekly_goal", "learner_schedule")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "select string_agg(xmin::text, ',' order by ctid) from " + table);
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    out.append(table).append('=').append(rs.getString(1)).append(';');
                }
            }
            return out.toString();
        });
    }

    private int count(String sql) {
        return db.inTransaction(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
