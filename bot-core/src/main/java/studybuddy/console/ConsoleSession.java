package studybuddy.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Caller;
import studybuddy.command.CommandDispatcher;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;

/**
 * The console platform: a chat with the bot in a terminal, on the same core and database as the others.
 * Interactive, it prompts; scripted (stdin not a terminal), it reads one message per line, prints each reply
 * and ends with the input. Typing the number of a listed choice presses it.
 */
public final class ConsoleSession {
    public static final String PLATFORM = "console";
    private static final Logger log = LoggerFactory.getLogger(ConsoleSession.class);

    private final CommandDispatcher dispatcher;
    private final Caller caller;
    private final boolean interactive;
    private final java.nio.file.Path filesDir;

    public ConsoleSession(CommandDispatcher dispatcher, String user, boolean interactive) {
        this(dispatcher, user, null, interactive);
    }

    public ConsoleSession(CommandDispatcher dispatcher, String user, String group, boolean interactive) {
        this(dispatcher, user, group, interactive, null);
    }

    /**
     * @param group when not null, the session speaks in that local study group (the console user is its admin),
     *              so group check-ins can be tried without a chat platform
     * @param filesDir  where files sent with replies (an /export) are saved, or null to only name them
     */
    public ConsoleSession(CommandDispatcher dispatcher, String user, String group, boolean interactive,
                          java.nio.file.Path filesDir) {
        this.filesDir = filesDir;
        this.dispatcher = dispatcher;
        Lang lang = Lang.fromLocaleTag(java.util.Locale.getDefault().toLanguageTag());
        this.caller = group == null ? Caller.direct(PLATFORM, user, user, lang)
                : new Caller(PLATFORM, user, groupChatId(group), true, true, user, lang);
        this.interactive = interactive;
    }

    /** The chat id of a local console group. */
    public static String groupChatId(String group) {
        return "group:" + group;
    }

    /** Saves a reply's files where the user can open them (the console has no chat to show them in). */
    private void save(Reply reply, PrintStream out) {
        if (filesDir == null) {
            return;
        }
        for (var a : reply.attachments()) {
            String name = a.fileName().replaceAll("[^A-Za-z0-9._-]", "_");
            try {
                java.nio.file.Files.createDirectories(filesDir);
                java.nio.file.Path file = filesDir.resolve(name.isBlank() ? "file" : name);
                java.nio.file.Files.write(file, a.data());
                try {
                    // an export is personal data: readable by its owner only
                    java.nio.file.Files.setPosixFilePermissions(file,
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system
                }
                out.println("  → " + file.toAbsolutePath());
            } catch (IOException e) {
                log.warn("Could not save {} to {}: {}", name, filesDir, e.toString());
            }
        }
    }

    public void run(BufferedReader in, PrintStream out) throws IOException {
        if (interactive) {
            out.println("study-buddy: type /start to begin, /help for commands, or ask a question. Ctrl-D quits.");
        }
        List<String> lastActions = List.of();
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            String text = line.strip();
            if (text.matches("\\d{1,2}")) {
                int n = Integer.parseInt(text);
                if (n >= 1 && n <= lastActions.size()) {
                    text = lastActions.get(n - 1);
                }
            }
            Optional<Reply> reply;
            try {
                reply = dispatcher.handle(caller, text);
            } catch (RuntimeException e) {
                log.error("Console message failed: {}", e.toString(), e);
                out.println("(something went wrong: " + e.getMessage() + ")");
                continue;
            }
            if (reply.isPresent()) {
                ConsoleRenderer.Rendered rendered = ConsoleRenderer.render(reply.get());
                out.println(rendered.text());
                save(reply.get(), out);
                out.println();
                lastActions = rendered.actions();
            }
        }
    }
}
