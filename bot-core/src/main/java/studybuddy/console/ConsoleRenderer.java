package studybuddy.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studybuddy.command.Attachment;
import studybuddy.command.Button;
import studybuddy.command.Mention;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.i18n.Messages;

/**
 * Renders a reply as terminal text: markup removed, choices and buttons as a numbered list to type, attachments
 * (the check-in chart) written to files whose paths are shown, and control characters removed, so text the user
 * or anyone else typed (a reminder, a note) can never drive the terminal.
 */
public final class ConsoleRenderer {
    static final Messages MSG = new Messages("console");

    private ConsoleRenderer() {
    }

    /** The text to print, and the actions that typing 1, 2, … picks. */
    public record Rendered(String text, List<String> actions) {
    }

    /** Renders without a folder for files: attachments are only named. */
    public static Rendered render(Reply reply) {
        return render(reply, null, Lang.EN);
    }

    public static Rendered render(Reply reply, Path files, Lang lang) {
        StringBuilder out = new StringBuilder(plain(reply.text()));
        List<String> actions = new ArrayList<>();
        List<Button> pickable = new ArrayList<>();
        // Choices that are numbers themselves (hours a week) are typed as numbers: listing them as [1], [2]…
        // would make "5" mean the fifth choice instead of 5.
        boolean numeric = !reply.choices().isEmpty()
                && reply.choices().stream().allMatch(b -> b.action().matches(".*=\\d+"));
        if (numeric) {
            out.append("\n  ").append(String.join(" · ", reply.choices().stream().map(Button::label).toList()));
        } else {
            pickable.addAll(reply.choices());
        }
        pickable.addAll(reply.buttons());
        for (Button b : pickable) {
            if (b.isLink()) {
                out.append("\n  ").append(b.label()).append(": ").append(b.action());
            } else {
                actions.add(b.action());
                out.append("\n  [").append(actions.size()).append("] ").append(b.label());
            }
        }
        for (Attachment a : reply.attachments()) {
            out.append("\n  ").append(saved(a, files, lang));
        }
        return new Rendered(safe(out.toString()), actions);
    }

    private static String saved(Attachment a, Path files, Lang lang) {
        if (files == null) {
            return "(" + a.fileName() + ", " + a.data().length + " bytes)";
        }
        String name = a.fileName();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "_");
        String ext = dot > 0 ? name.substring(dot).replaceAll("[^A-Za-z0-9.]", "") : "";
        try {
            Files.createDirectories(files);
            // a fresh file per chart: an earlier one the user still has open is not overwritten
            Path file = Files.createTempFile(files, base + "-", ext);
            Files.write(file, a.data());
            return MSG.get(lang, "file.saved", a.fileName(), file.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            return MSG.get(lang, "file.failed", a.fileName(), e.getMessage());
        }
    }

    /** Light markup to plain text: **bold**, `code` and _italic_ markers dropped. */
    static String plain(String text) {
        return Mention.plain(text).replace("**", "").replaceAll("`([^`\\n]*)`", "$1");
    }

    /**
     * Without terminal control characters: C0 (ESC, BEL, CR, backspace…) except newline and tab, DEL, C1, and the
     * bidirectional overrides that can make text read differently than it is.
     */
    public static String safe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean control = (ch < 0x20 && ch != '\n' && ch != '\t') || (ch >= 0x7F && ch <= 0x9F)
                    || (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069');
            if (!control) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
