package studybuddy.command;

import java.util.ArrayList;
import java.util.List;

/**
 * A platform-neutral reply. {@code text} uses light markup that every adapter can render:
 * {@code **bold**}, {@code `code`}, bare URLs, line breaks, and user mentions ({@link Mention}). User-supplied text inside it is
 * raw (adapters escape it for their platform).
 * {@code choices} are answers offered to a question the bot just asked (rendered as buttons, a select menu or a
 * numbered list); {@code buttons} are actions (done, skip…). Both carry command lines as actions.
 * {@code ephemeral}: on a server, show it only to the caller.
 */
public record Reply(String text, List<Button> choices, List<Button> buttons, boolean ephemeral, List<Attachment> attachments) {

    public Reply {
        text = text == null ? "" : text;
        choices = List.copyOf(choices == null ? List.of() : choices);
        buttons = List.copyOf(buttons == null ? List.of() : buttons);
        attachments = List.copyOf(attachments == null ? List.of() : attachments);
    }

    /**
     * The files to send with this reply. A file drawn on send is drawn here, by whoever sends the reply (after the
     * command's transaction); one whose drawing failed is left out.
     */
    @Override
    public List<Attachment> attachments() {
        return attachments.stream().filter(Attachment::available).toList();
    }

    public static Reply text(String text) {
        return new Reply(text, List.of(), List.of(), false, List.of());
    }

    public Reply withChoices(List<Button> newChoices) {
        return new Reply(text, newChoices, buttons, ephemeral, attachments);
    }

    public Reply withButtons(List<Button> newButtons) {
        return new Reply(text, choices, newButtons, ephemeral, attachments);
    }

    public Reply withAttachment(Attachment attachment) {
        List<Attachment> all = new ArrayList<>(attachments);
        all.add(attachment);
        return new Reply(text, choices, buttons, ephemeral, all);
    }

    public Reply asEphemeral() {
        return new Reply(text, choices, buttons, true, attachments);
    }

    /** This reply's text with another text appended after a blank line. */
    public Reply append(String more) {
        return new Reply(text.isEmpty() ? more : text + "\n\n" + more, choices, buttons, ephemeral, attachments);
    }
}
