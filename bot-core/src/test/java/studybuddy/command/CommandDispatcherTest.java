package studybuddy.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;
import studybuddy.testing.MutableClock;

class CommandDispatcherTest {
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
    void givenLongChatterInAGroup_whenReceived_thenSilentButALongCommandIsRefused() {
        Caller inGroup = new Caller("discord", "eve", "server-1", true, false, "eve", Lang.EN);
        String longText = "x".repeat(5000);
        assertThat(core.dispatcher().handle(inGroup, longText)).isEmpty();
        assertThat(core.dispatcher().handle(inGroup, "/ask " + longText).orElseThrow().text()).contains("too long");
    }
}
