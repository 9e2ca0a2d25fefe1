package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import studybuddy.BotCore;
import studybuddy.command.Caller;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.storage.TestDatabase;

/** A "did you mean" reply from the core becomes an inline keyboard whose press answers the topic. */
class TelegramDidYouMeanTest {
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
    void givenUnclearChineseQuestion_whenRendered_thenInlineKeyboardOfTopicsAndAPressAnswersInChinese() {
        // GIVEN
        Caller caller = Caller.direct("telegram", "42", "ann", Lang.ZH);
        Reply reply = core.dispatcher().handle(caller, "每天学完脑子一团浆糊 正常吗").orElseThrow();
        // WHEN
        List<SendMessage> parts = TelegramRenderer.render("42", reply);
        // THEN
        InlineKeyboardMarkup keyboard = (InlineKeyboardMarkup) parts.get(parts.size() - 1).getReplyMarkup();
        List<String> callbacks = keyboard.getKeyboard().stream().flatMap(List::stream)
                .map(InlineKeyboardButton::getCallbackData).toList();
        assertThat(reply.text()).contains("你是想问");
        assertThat(callbacks).hasSizeBetween(1, 3).allMatch(c -> c.startsWith("/ask topic=") && c.endsWith("@zh"));
        Reply pressed = core.dispatcher().handle(caller, callbacks.get(0)).orElseThrow();
        assertThat(pressed.text()).doesNotContain("你是想问").containsPattern("\\p{IsHan}");
    }
}
