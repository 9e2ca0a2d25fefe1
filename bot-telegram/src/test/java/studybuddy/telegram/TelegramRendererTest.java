package studybuddy.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import studybuddy.command.Button;
import studybuddy.command.Reply;

class TelegramRendererTest {

    @Test
    void escapesEverythingThenConvertsBoldAndCode() {
        assertThat(TelegramRenderer.html("**Next: a<b> & c** see `x<y && **z**`"))
                .isEqualTo("<b>Next: a&lt;b&gt; &amp; c</b> see <code>x&lt;y &amp;&amp; **z**</code>");
        assertThat(TelegramRenderer.html("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(TelegramRenderer.html("**bold with `code` inside**")).isEqualTo("<b>bold with <code>code</code> inside</b>");
        assertThat(TelegramRenderer.html("unbalanced ** and ` stay")).isEqualTo("unbalanced ** and ` stay");
        assertThat(TelegramRenderer.html("snake_case_name 🎉 中文")).isEqualTo("snake_case_name 🎉 中文");
        assertThat(TelegramRenderer.html("nul\u0000byte")).isEqualTo("nulbyte");
    }

    @Test
    void mentionsLinkToTheUserAndMarkupInANameNeverPairsWithMarkupOutsideIt() {
        assertThat(TelegramRenderer.html("Well done @[Ann <3](user:42)!"))
                .isEqualTo("Well done <a href=\"tg://user?id=42\">Ann &lt;3</a>!");
        // a backtick or ** in a display name must not open a code span or bold that closes after the link
        assertThat(TelegramRenderer.html("@[`Bob](user:7) wrote `x`"))
                .isEqualTo("<a href=\"tg://user?id=7\">`Bob</a> wrote <code>x</code>");
        assertThat(TelegramRenderer.html("@[**Star](user:8) and **bold**"))
                .isEqualTo("<a href=\"tg://user?id=8\">**Star</a> and <b>bold</b>");
        assertThat(TelegramRenderer.html("**Top: @[Ann](user:42)**"))
                .isEqualTo("<b>Top: <a href=\"tg://user?id=42\">Ann</a></b>");
        // no link inside code: the mention stays plain there
        assertThat(TelegramRenderer.html("`@[Ann](user:42)`")).isEqualTo("<code>@Ann</code>");
        assertThat(TelegramRenderer.html("@[Bot](user:abc)")).isEqualTo("@Bot");
    }

    @Test
    void captionFitIsJudgedOnTheTextTelegramWillCount() {
        assertThat(TelegramRenderer.fitsCaption("**" + "a".repeat(1024) + "**")).isTrue();
        assertThat(TelegramRenderer.fitsCaption("a &lt; b " + "x".repeat(1015))).isTrue();
        // an unpaired ** and an empty `` stay visible in the HTML, so they count
        assertThat(TelegramRenderer.fitsCaption("a".repeat(1023) + "**")).isFalse();
        assertThat(TelegramRenderer.fitsCaption("a".repeat(1023) + "``")).isFalse();
    }

    @Test
    void longTextsAreSplitAtLineBreaksWithTheKeyboardOnTheLastPart() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append("**Line ").append(i).append("**: some words about the roadmap & <more>\n");
        }
        Reply reply = Reply.text(text.toString()).withButtons(List.of(new Button("Done", "/done unit=x")));
        List<SendMessage> parts = TelegramRenderer.render("42", reply);
        assertThat(parts).hasSizeGreaterThan(1);
        for (SendMessage part : parts) {
            String visible = part.getText().replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&");
            assertThat(visible.length()).isLessThanOrEqualTo(TelegramRenderer.MAX_TEXT);
            assertThat(part.getText()).startsWith("<b>Line ").endsWith("&lt;more&gt;");
        }
        assertThat(parts.subList(0, parts.size() - 1)).allSatisfy(p -> assertThat(p.getReplyMarkup()).isNull());
        assertThat(parts.get(parts.size() - 1).getReplyMarkup()).isNotNull();
    }

    @Test
    void splitNeverBreaksAnEmojiAndHardCutsLinesWithoutSpaces() {
        String emojis = "🎉".repeat(5000); // 10 000 chars, no line break, no space
        List<String> parts = TelegramRenderer.split(emojis, 4096);
        assertThat(String.join("", parts)).isEqualTo(emojis);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(4096);
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
        });
        assertThat(TelegramRenderer.split("short", 4096)).containsExactly("short");
    }

    @Test
    void choicesAndButtonsBecomeAnInlineKeyboard() {
        Reply reply = Reply.text("Pick one").withChoices(List.of(new Button("English", "/lang lang=en"),
                        new Button("中文", "/lang lang=zh")))
                .withButtons(List.of(new Button("✅ Done", "/done unit=u1"), Button.link("🔗 Open", "https://example.com/x"),
                        Button.link("bad", "ftp://example.com"), new Button("too long", "/x " + "y".repeat(80))));
        InlineKeyboardMarkup keyboard = TelegramRenderer.keyboard(reply).orElseThrow();
        List<InlineKeyboardButton> choices = keyboard.getKeyboard().get(0);
        assertThat(choices).extracting(InlineKeyboardButton::getCallbackData).containsExactly("/lang lang=en", "/lang lang=zh");
        List<InlineKeyboardButton> actions = keyboard.getKeyboard().get(1);
        assertThat(actions).hasSize(2);
        assertThat(actions.get(0).getCallbackData()).isEqualTo("/done unit=u1");
        assertThat(actions.get(1).getUrl()).isEqualTo("https://example.com/x");
        assertThat(TelegramRenderer.keyboard(Reply.text("plain"))).isEmpty();
    }
}
