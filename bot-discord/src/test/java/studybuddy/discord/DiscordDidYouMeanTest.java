package studybuddy.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import net.dv8tion.jda.api.components.buttons.Button;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** A "did you mean" reply from the core becomes Discord buttons whose press answers the topic. */
class DiscordDidYouMeanTest {
    private static Database db;
    private static BotCore core;

    @BeforeAll
    static void setUp() {
        db = TestDatabase.fresh(4);
        core = new BotCore(db, Clock.systemUTC());
    }

    @AfterAll
    static void tearDown() {
        db.close();
    }

    @Test
    void givenUnclearQuestion_whenRendered_thenTopicButtonsAndAPressAnswers() {
        // GIVEN
        Caller caller = Caller.direct("discord", "123456789", "ann", Lang.EN);
        Reply reply = core.dispatcher().handle(caller, "what about bugs and projects").orElseThrow();
        // WHEN
        DiscordResponse rendered = DiscordRenderer.render(reply, false);
        // THEN
        assertThat(DiscordInteractionRouterTest.buttons(rendered.last()))
                .extracting(Button::getCustomId).contains("/ask topic=silent-bugs@en").hasSizeBetween(1, 3);
        assertThat(DiscordInteractionRouterTest.buttons(rendered.last()))
                .extracting(Button::getLabel).contains("The most dangerous bugs: silent logic errors");
        Reply pressed = core.dispatcher().handle(caller, "/ask topic=silent-bugs@en").orElseThrow();
        assertThat(pressed.text()).contains("silent logic bugs");
    }
}
