package studybuddy.discord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.actionrow.ActionRowChildComponent;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Attachment;
import studybuddy.command.Reply;

/**
 * A core {@link Reply} → Discord messages. Pure: no network.
 * <ul>
 *   <li>text over 2000 characters is split into several messages (embeds: 4096 per description);</li>
 *   <li>buttons and up to {@value #MAX_CHOICE_BUTTONS} choices become buttons, five a row, whose custom id is the
 *       core's action (a command line ≤ 64 bytes); more choices become a select menu whose values are the actions;
 *       link buttons open their address; at most five rows, the rest is dropped with a warning;</li>
 *   <li>components and files go on the last message.</li>
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
    private static final Logger log = LoggerFactory.getLogger(DiscordRenderer.class);

    private DiscordRenderer() {
    }

    public static DiscordResponse render(Reply reply, boolean asEmbed) {
        List<MessageCreateBuilder> builders = new ArrayList<>();
        if (asEmbed && !reply.text().isBlank()) {
            for (String part : DiscordText.split(reply.text(), DiscordText.MAX_EMBED)) {
                builders.add(new MessageCreateBuilder().setEmbeds(
                        new EmbedBuilder().setDescription(part).setColor(EMBED_COLOR).build()));
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
            files.add(FileUpload.fromData(a.data(), a.fileName()));
        }
        if (!files.isEmpty()) {
            last.setFiles(files);
        }
        List<MessageCreateData> messages = new ArrayList<>();
        for (MessageCreateBuilder b : builders) {
            if (b.getContent().isBlank() && b.getEmbeds().isEmpty()) {
                b.setContent(EMPTY); // Discord refuses a message without text; a bare check mark says "done"
            }
            messages.add(b.build());
        }
        return new DiscordResponse(messages, reply.ephemeral());
    }

    private static List<ActionRow> rows(Reply reply) {
        Set<String> usedIds = new LinkedHashSet<>();
        List<ActionRow> rows = new ArrayList<>();
        if (reply.choices().size() > MAX_CHOICE_BUTTONS) {
            List<studybuddy.command.Button> choices = reply.choices().stream().filter(b -> !b.isLink()).toList();
            for (int i = 0; i < choices.size(); i += MAX_MENU_OPTIONS) {
                StringSelectMenu.Builder menu = StringSelectMenu.create(CHOICE_MENU + ":" + rows.size());
                for (studybuddy.command.Button b : choices.subList(i, Math.min(choices.size(), i + MAX_MENU_OPTIONS))) {
                    if (usedIds.add(b.action())) {
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
