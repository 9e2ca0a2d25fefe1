package studybuddy.discord;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Attachment;
import studybuddy.command.Mention;
import studybuddy.command.Reply;

/**
 * A core {@link Reply} → Discord messages. Pure: no network.
 * <ul>
 *   <li>text over 2000 characters is split into several messages (embeds: 4096 per description);</li>
 *   <li>buttons and up to {@value #MAX_CHOICE_BUTTONS} choices become buttons, five a row, whose custom id is the
 *       core's action (a command line ≤ 64 bytes); more choices become a select menu whose values are the actions;
 *       link buttons open their address; at most five rows, the rest is dropped with a warning;</li>
 *   <li>components and files go on the last message; files are uploaded ({@link FileUpload}). A reply with an
 *       image (e.g. the check-in summary's PNG chart) is shown as an embed whose image is that file
 *       ({@code attachment://name}), so text and chart read as one card;</li>
 *   <li>only user mentions ping: replies carry members' own text (check-in answers, notes), and an
 *       {@code @everyone} typed there must not ping the whole server when the bot repeats it.</li>
 * </ul>
 */
public final class DiscordRenderer {
    /** Custom id prefix of the select menus that carry choices; their selected value is the action. */
    public static final String CHOICE_MENU = "choice";
    static final int MAX_CHOICE_BUTTONS = 10;
    static final int MAX_ROWS = 5;
    static final int PER_ROW = 5;
    static final int MAX_MENU_OPTIONS = 25;
    static final int MAX_LABEL = 80;
    static final int EMBED_COLOR = 0x2B7A78;
    private static final String EMPTY = "✅";
    /** What may ping in the bot's messages: users only (no @everyone, @here or roles). */
    static final Set<Message.MentionType> PINGS = EnumSet.of(Message.MentionType.USER);
    private static final Logger log = LoggerFactory.getLogger(DiscordRenderer.class);

    private DiscordRenderer() {
    }

    public static DiscordResponse render(Reply original, boolean asEmbed) {
        // Mentions become Discord's <@id>, which notifies the user (PINGS allows users only).
        Reply reply = new Reply(Mention.render(original.text(), (id, name) -> id.matches("\\d{1,20}") ? "<@" + id + ">"
                : "@" + name), original.choices(), original.buttons(), original.ephemeral(), original.attachments());
        List<MessageCreateBuilder> builders = new ArrayList<>();
        Optional<Attachment> image = reply.attachments().stream().filter(DiscordRenderer::isImage).findFirst();
        if (image.isPresent() || (asEmbed && !reply.text().isBlank())) {
            List<String> parts = DiscordText.split(reply.text(), DiscordText.MAX_EMBED);
            for (int i = 0; i < parts.size(); i++) {
                EmbedBuilder embed = new EmbedBuilder().setColor(EMBED_COLOR);
                if (!parts.get(i).isBlank()) {
                    embed.setDescription(parts.get(i));
                }
                if (i == parts.size() - 1 && image.isPresent()) {
                    embed.setImage("attachment://" + fileName(image.get()));
                }
                builders.add(new MessageCreateBuilder().setEmbeds(embed.build()));
            }
        } else {
            for (String part : DiscordText.split(reply.text(), DiscordText.MAX_CONTENT)) {
                builders.add(new MessageCreateBuilder().setContent(part));
            }
        }
        MessageCreateBuilder last = builders.get(builders.size() - 1);
        List<ActionRow> rows = rows(reply);
        if (!rows.isEmpty()) {
            last.setComponents(rows);
        }
        List<FileUpload> files = new ArrayList<>();
        for (Attachment a : reply.attachments()) {
            files.add(FileUpload.fromData(a.data(), fileName(a)));
        }
        if (!files.isEmpty()) {
            last.setFiles(files);
        }
        List<MessageCreateData> messages = new ArrayList<>();
        for (MessageCreateBuilder b : builders) {
            if (b.getContent().isBlank() && b.getEmbeds().isEmpty()) {
                b.setContent(EMPTY); // Discord refuses a message without text; a bare check mark says "done"
            }
            b.setAllowedMentions(PINGS);
            messages.add(b.build());
        }
        return new DiscordResponse(messages, reply.ephemeral());
    }

    private static boolean isImage(Attachment a) {
        return a.mimeType() != null && a.mimeType().startsWith("image/") && a.data() != null;
    }

    /**
     * The name the file is uploaded under: Discord keeps letters, digits, dot, dash and underscore, and an embed can
     * only show {@code attachment://name} when the name is exactly the uploaded one.
     */
    static String fileName(Attachment a) {
        String name = a.fileName() == null ? "" : a.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        return name.isBlank() || name.startsWith(".") ? "file" + name : name;
    }

    private static List<ActionRow> rows(Reply reply) {
        Set<String> usedIds = new LinkedHashSet<>();
        List<ActionRow> rows = new ArrayList<>();
        if (reply.choices().size() > MAX_CHOICE_BUTTONS) {
            List<studybuddy.command.Button> choices = reply.choices().stream().filter(b -> !b.isLink()).toList();
            for (int i = 0; i < choices.size(); i += MAX_MENU_OPTIONS) {
                StringSelectMenu.Builder menu = StringSelectMenu.create(CHOICE_MENU + ":" + rows.size());
                for (studybuddy.command.Button b : choices.subList(i, Math.min(choices.size(), i + MAX_MENU_OPTIONS))) {
                    if (b.action().length() > SelectOption.VALUE_MAX_LENGTH) {
                        log.warn("Dropped choice '{}': its action is over Discord's {} characters: {}", b.label(),
                                SelectOption.VALUE_MAX_LENGTH, b.action());
                    } else if (usedIds.add(b.action())) {
                        menu.addOption(DiscordCommandTranslator.truncate(b.label(), 100), b.action());
                    }
                }
                if (!menu.getOptions().isEmpty()) {
                    rows.add(ActionRow.of(menu.build()));
                }
            }
            addButtons(rows, reply.choices().stream().filter(studybuddy.command.Button::isLink).toList(), usedIds);
        } else {
            addButtons(rows, reply.choices(), usedIds);
        }
        addButtons(rows, reply.buttons(), usedIds);
        if (rows.size() > MAX_ROWS) {
            log.warn("Reply has {} rows of buttons; Discord shows 5, dropped the rest: shorten the reply's choices",
                    rows.size());
            return rows.subList(0, MAX_ROWS);
        }
        return rows;
    }

    private static void addButtons(List<ActionRow> rows, List<studybuddy.command.Button> buttons, Set<String> usedIds) {
        List<ActionRowChildComponent> row = new ArrayList<>();
        for (studybuddy.command.Button b : buttons) {
            int max = b.isLink() ? Button.URL_MAX_LENGTH : Button.ID_MAX_LENGTH;
            if (b.action().length() > max) {
                // JDA would throw and the whole reply would be lost for one button
                log.warn("Dropped button '{}': its {} is over Discord's {} characters: {}", b.label(),
                        b.isLink() ? "address" : "action", max, b.action());
                continue;
            }
            if (!usedIds.add(b.action())) {
                continue; // Discord refuses two components with the same custom id in one message
            }
            row.add(button(b));
            if (row.size() == PER_ROW) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(ActionRow.of(row));
        }
    }

    static Button button(studybuddy.command.Button b) {
        String label = DiscordCommandTranslator.truncate(b.label(), MAX_LABEL);
        if (b.isLink()) {
            return Button.link(b.action(), label);
        }
        ButtonStyle style = switch (b.style()) {
            case PRIMARY -> ButtonStyle.PRIMARY;
            case SUCCESS -> ButtonStyle.SUCCESS;
            case DANGER -> ButtonStyle.DANGER;
            default -> ButtonStyle.SECONDARY;
        };
        return Button.of(style, b.action(), label);
    }
}
