package studybuddy.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicLong;
import studybuddy.command.Attachment;
import java.util.List;
import studybuddy.command.Button;
import studybuddy.command.InputText;
import studybuddy.command.Mention;
import studybuddy.command.Reply;

/**
 * Renders a reply as terminal text: markup removed, choices and buttons as a numbered list to type, files saved
 * to a temporary folder and shown as their path.
 */
public final class ConsoleRenderer {
    private ConsoleRenderer() {
    }

    /** The text to print, and the actions that typing 1, 2, … picks. */
    public record Rendered(String text, List<String> actions) {
    }

    public static Rendered render(Reply reply) {
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
        for (var a : reply.attachments()) {
            out.append("\n  📎 ").append(save(a));
        }
        // A terminal obeys control characters: whatever a reply quotes of what someone typed is printed inert.
        return new Rendered(InputText.clean(out.toString()), actions);
    }

    /** Where files sent in the console are saved, so that the terminal can show a path to open. */
    static final Path FILES = Path.of(System.getProperty("java.io.tmpdir"), "study-buddy-files");
    private static final AtomicLong SAVED = new AtomicLong();

    /** Saves an attachment under {@link #FILES} and returns its path (or why it could not be saved). */
    static String save(Attachment a) {
        String name = a.fileName() == null ? "file" : a.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(FILES);
            Path file = FILES.resolve(System.currentTimeMillis() + "-" + SAVED.incrementAndGet() + "-" + name);
            Files.write(file, a.data());
            return file.toAbsolutePath().toString();
        } catch (IOException | RuntimeException e) {
            return a.fileName() + " (" + a.data().length + " bytes; could not be saved: " + e.getMessage() + ")";
        }
    }

    /** Light markup to plain text: **bold**, `code` and _italic_ markers dropped. */
    static String plain(String text) {
        return Mention.plain(text).replace("**", "").replaceAll("`([^`\\n]*)`", "$1");
    }
}
