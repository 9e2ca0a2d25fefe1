package studybuddy.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import studybuddy.command.Button;
import studybuddy.command.Mention;
import studybuddy.command.Reply;
import studybuddy.command.TextSplitter;

/**
 * Turns the core's replies into Telegram messages: HTML parse mode (all text escaped first, then {@code **bold**}
 * and {@code `code`} converted), choices and buttons as an inline keyboard on the last part, and texts over
 * Telegram's 4096-character limit split at line breaks.
 */
public final class TelegramRenderer {
    /** Telegram's limit on a message text, in characters after entity parsing. */
    public static final int MAX_TEXT = 4096;
    /** Telegram's limit on a photo or document caption, in characters after entity parsing. */
    public static final int MAX_CAPTION = 1024;
    /** Telegram's limit on callback data. */
    public static final int MAX_CALLBACK_BYTES = 64;

    private static final Logger log = LoggerFactory.getLogger(TelegramRenderer.class);
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^\\n]+?)\\*\\*");
    private static final char MARK = '\u0000';
    private static final char MENTION = '\u0001';
    private static final int HTML_MARGIN = 200;

    private TelegramRenderer() {
    }

    /** The messages for one reply, in order; the keyboard goes on the last one. Never empty. */
    public static List<SendMessage> render(String chatId, Reply reply) {
        String text = reply.text().isBlank() ? "…" : reply.text();
        List<String> parts = split(text, MAX_TEXT);
        Optional<InlineKeyboardMarkup> keyboard = keyboard(reply);
        List<SendMessage> messages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            SendMessage.SendMessageBuilder<?, ?> m = SendMessage.builder()
                    .chatId(chatId)
                    .text(html(parts.get(i)))
                    .parseMode(ParseMode.HTML)
                    .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build());
            if (i == parts.size() - 1) {
                keyboard.ifPresent(m::replyMarkup);
            }
            messages.add(m.build());
        }
        return messages;
    }

    /**
     * Light markup to Telegram HTML: &amp;, &lt;, &gt; escaped, then mentions, **bold** and `code` converted.
     * Mentions are parked behind markers first, so that a {@code *} or {@code `} in a person's name can never pair
     * with markup outside the name (that would interleave the tags and Telegram would refuse the whole message);
     * inside a code span a mention stays plain text, as Telegram allows no link inside code.
     */
    public static String html(String markup) {
        String escaped = markup.replace(String.valueOf(MARK), "").replace(String.valueOf(MENTION), "")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        // A mention links to the user, which notifies them even without a username.
        List<String[]> mentions = new ArrayList<>();
        escaped = Mention.render(escaped, (id, name) -> {
            mentions.add(new String[] {id, name});
            return MENTION + Integer.toString(mentions.size() - 1) + MENTION;
        });
        // Code spans first, parked behind markers so that bold never reaches into them.
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(escaped);
        StringBuilder parked = new StringBuilder();
        while (code.find()) {
            codes.add(restore(code.group(1), MENTION, i -> "@" + mentions.get(i)[1]));
            code.appendReplacement(parked, Matcher.quoteReplacement(MARK + Integer.toString(codes.size() - 1) + MARK));
        }
        code.appendTail(parked);
        String bold = BOLD.matcher(parked).replaceAll("<b>$1</b>");
        String withCode = restore(bold, MARK, i -> "<code>" + codes.get(i) + "</code>");
        return restore(withCode, MENTION, i -> {
            String id = mentions.get(i)[0];
            String name = mentions.get(i)[1];
            return id.matches("\\d{1,20}") ? "<a href=\"tg://user?id=" + id + "\">" + name + "</a>" : "@" + name;
        });
    }

    /** Replaces every {@code marker index marker} in the text by {@code value(index)}. */
    private static String restore(String text, char marker, java.util.function.IntFunction<String> value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = c == marker ? text.indexOf(marker, i + 1) : -1;
            if (end > i) {
                out.append(value.apply(Integer.parseInt(text.substring(i + 1, end))));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Whether a reply's text fits in a photo or document caption (Telegram counts the text as shown). */
    public static boolean fitsCaption(String markup) {
        return visibleLength(html(markup)) <= MAX_CAPTION;
    }

    /** The length Telegram counts for a text in HTML parse mode: tags left out, entities as one character each. */
    static int visibleLength(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                .length();
    }

    /** Light markup to plain text (for callback alerts, which show no formatting). */
    public static String plain(String markup) {
        return Mention.plain(markup).replace("**", "").replaceAll("`([^`\\n]*)`", "$1");
    }

    /**
     * The parts of a text for separate messages. The limit is applied to the light markup with room to spare,
     * because escaping for HTML (&amp;, &lt;) makes the sent text a little longer.
     */
    static List<String> split(String text, int max) {
        List<String> parts = TextSplitter.split(text, max - HTML_MARGIN);
        return parts.isEmpty() ? List.of(text) : parts;
    }

    /** Choices (two or three to a row when short) then action buttons (up to three to a row). */
    static Optional<InlineKeyboardMarkup> keyboard(Reply reply) {
        List<InlineKeyboardRow> rows = new ArrayList<>();
        List<InlineKeyboardButton> choices = buttons(reply.choices());
        int longest = reply.choices().stream().mapToInt(b -> b.label().length()).max().orElse(0);
        rows(rows, choices, longest <= 10 ? 3 : longest <= 20 ? 2 : 1);
        rows(rows, buttons(reply.buttons()), 3);
        return rows.isEmpty() ? Optional.empty() : Optional.of(new InlineKeyboardMarkup(rows));
    }

    private static void rows(List<InlineKeyboardRow> rows, List<InlineKeyboardButton> buttons, int perRow) {
        for (int i = 0; i < buttons.size(); i += perRow) {
            rows.add(new InlineKeyboardRow(buttons.subList(i, Math.min(buttons.size(), i + perRow))));
        }
    }

    private static List<InlineKeyboardButton> buttons(List<Button> buttons) {
        List<InlineKeyboardButton> out = new ArrayList<>();
        for (Button b : buttons) {
            String label = b.label().length() > 64 ? b.label().substring(0, 63) + "…" : b.label();
            if (b.isLink()) {
                if (b.action().startsWith("https://") || b.action().startsWith("http://")) {
                    out.add(InlineKeyboardButton.builder().text(label).url(b.action()).build());
                } else {
                    log.warn("Dropped link button '{}': Telegram only opens http(s) addresses, not {}", label, b.action());
                }
            } else if (b.action().getBytes(StandardCharsets.UTF_8).length <= MAX_CALLBACK_BYTES) {
                out.add(InlineKeyboardButton.builder().text(label).callbackData(b.action()).build());
            } else {
                log.warn("Dropped button '{}': its action is over Telegram's {} bytes of callback data: {}", label,
                        MAX_CALLBACK_BYTES, b.action());
            }
        }
        return out;
    }
}
