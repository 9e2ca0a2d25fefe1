package studybuddy.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import studybuddy.command.Caller;
import studybuddy.command.CommandDispatcher;
import studybuddy.inbox.Inbox;
import studybuddy.storage.Database;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;

/**
 * The console platform: a chat with the bot in a terminal, on the same core and database as the others.
 * Interactive, it reads lines with JLine (editing, history, messages printed above the prompt); scripted (stdin
 * not a terminal), it reads one message per line, prints each reply and ends with the input. Typing the number
 * of a listed choice presses it, in a reply or in a message the bot sent on its own.
 */
public final class ConsoleSession {
    public static final String PLATFORM = "console";
    private static final Logger log = LoggerFactory.getLogger(ConsoleSession.class);

    private final CommandDispatcher dispatcher;
    private final Caller caller;
    private final String user;
    private final String group;
    private final boolean interactive;
    private final Path files;
    private final ConsoleChoices choices = new ConsoleChoices();

    public ConsoleSession(CommandDispatcher dispatcher, String user, boolean interactive) {
        this(dispatcher, user, null, interactive);
    }

    /**
     * @param group when not null, the session speaks in that local study group (the console user is its admin),
     *              so group check-ins can be tried without a chat platform
     */
    public ConsoleSession(CommandDispatcher dispatcher, String user, String group, boolean interactive) {
        this(dispatcher, user, group, interactive, null);
    }

    /** @param files where attachments (the check-in chart) are written; null to only name them */
    public ConsoleSession(CommandDispatcher dispatcher, String user, String group, boolean interactive, Path files) {
        this.dispatcher = dispatcher;
        Lang lang = Lang.fromLocaleTag(java.util.Locale.getDefault().toLanguageTag());
        this.caller = group == null ? Caller.direct(PLATFORM, user, user, lang)
                : new Caller(PLATFORM, user, groupChatId(group), true, true, user, lang);
        this.user = user;
        this.group = group;
        this.interactive = interactive;
        this.files = files;
    }

    /** The chat id of a local console group. */
    public static String groupChatId(String group) {
        return "group:" + group;
    }

    /** A sender that shows this session's user's and group's messages on {@code out}, their choices numbered. */
    public ConsoleSender sender(ConsoleOutput out) {
        return new ConsoleSender(out, user, group == null ? null : groupChatId(group), choices, files, caller.platformLang());
    }

    /** Scripted (or a plain terminal without JLine): one message per line. */
    public void run(BufferedReader in, PrintStream out) throws IOException {
        ConsoleOutput output = ConsoleOutput.of(out);
        if (interactive) {
            out.println(ConsoleRenderer.MSG.get(caller.platformLang(), "banner"));
        }
        while (true) {
            if (interactive) {
                out.print("> ");
                out.flush();
            }
            String line = in.readLine();
            if (line == null) {
                break;
            }
            handle(line).ifPresent(output::reply);
        }
    }

    /** Interactive, with line editing and history; ends on Ctrl-D, or Ctrl-C on an empty line. */
    public void run(LineReader reader) {
        ConsoleOutput output = ConsoleOutput.of(reader);
        output.reply(ConsoleRenderer.MSG.get(caller.platformLang(), "banner"));
        while (true) {
            String line;
            try {
                line = reader.readLine("> ");
            } catch (EndOfFileException e) {
                return;
            } catch (UserInterruptException e) {
                if (e.getPartialLine() == null || e.getPartialLine().isBlank()) {
                    return;
                }
                continue; // Ctrl-C drops the half-typed line, as in a shell
            }
            handle(line).ifPresent(output::reply);
        }
    }

    /** A line reader on {@code terminal} whose history is kept in {@code historyFile}. */
    public static LineReader lineReader(org.jline.terminal.Terminal terminal, Path historyFile) {
        if (terminal.getWidth() <= 0) {
            // a terminal that reports no size (some pseudo-terminals) would show the prompt cut to "..."
            terminal.setSize(new org.jline.terminal.Size(80, 24));
        }
        try {
            java.nio.file.Files.createDirectories(historyFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            log.warn("No console history: cannot create {} ({})", historyFile.getParent(), e.getMessage());
        }
        return org.jline.reader.LineReaderBuilder.builder().terminal(terminal).appName("study-buddy")
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 1000)
                // "great!" and "!next" are messages, not history expansions
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
    }

    /** Writes the history file; a failure only costs the history. */
    public static void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            log.warn("Could not save the console history: {}", e.getMessage());
        }
    }

    /** Handles one typed line; returns the text to show, if any. */
    public Optional<String> handle(String line) {
        String text = choices.resolve(line.strip());
        Optional<Reply> reply;
        try {
            reply = dispatcher.handle(caller, text);
        } catch (RuntimeException e) {
            if (Database.isUnavailable(e)) {
                // The console is its own inbox: the line is not kept, the person sees why and types it again.
                log.warn("Console message not handled: the database is unreachable ({})", e.getMessage());
                return Optional.of(ConsoleRenderer.safe(Inbox.databaseDown(caller.platformLang())));
            }
            log.error("Console message failed: {}", e.toString(), e);
            return Optional.of(ConsoleRenderer.safe(ConsoleRenderer.MSG.get(caller.platformLang(), "failed", e.getMessage())));
        }
        return reply.map(r -> {
            ConsoleRenderer.Rendered rendered = ConsoleRenderer.render(r, files, caller.platformLang());
            choices.offer(rendered.actions(), true);
            return rendered.text();
        });
    }
}
