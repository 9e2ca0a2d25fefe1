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
import studybuddy.command.InputText;
import studybuddy.command.Reply;
import studybuddy.i18n.Lang;
import studybuddy.inbox.Inbox;
import studybuddy.storage.Database;

/**
 * The console platform: a chat with the bot in a terminal, on the same core and database as the others.
 * Interactive, it prompts; scripted (stdin not a terminal), it reads one message per line, prints each reply
 * and ends with the input. Typing the number of a listed choice presses it.
 */
public final class ConsoleSession {
    private static final studybuddy.i18n.Messages MSG = new studybuddy.i18n.Messages("core");
    public static final String PLATFORM = "console";
    private static final Logger log = LoggerFactory.getLogger(ConsoleSession.class);

    private final CommandDispatcher dispatcher;
    private final Caller caller;
    private final boolean interactive;
    /** The actions that typing 1, 2, … presses: of the last reply, or of a message the bot sent on its own since. */
    private volatile List<String> lastActions = List.of();

    public ConsoleSession(CommandDispatcher dispatcher, String user, boolean interactive) {
        this(dispatcher, user, null, interactive);
    }

    /**
     * @param group when not null, the session speaks in that local study group (the console user is its admin),
     *              so group check-ins can be tried without a chat platform
     */
    public ConsoleSession(CommandDispatcher dispatcher, String user, String group, boolean interactive) {
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

    /** A message the bot sent on its own (e.g. a review question) offers these buttons in {@code chatId}. */
    public void offer(String chatId, List<String> actions) {
        if (caller.chatId().equals(chatId)) {
            lastActions = List.copyOf(actions);
        }
    }

    public void run(BufferedReader in, PrintStream out) throws IOException {
        if (interactive) {
            out.println(MSG.get(caller.platformLang(), "console.banner"));
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
            String text = InputText.clean(line).strip();
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
                if (Database.isUnavailable(e)) {
                    // The console is its own inbox: the line is not kept, the person sees why and types it again.
                    log.warn("Console message not handled: the database is unreachable ({})", e.getMessage());
                    out.println(Inbox.databaseDown(caller.platformLang()));
                } else {
                    log.error("Console message failed: {}", e.toString(), e);
                    out.println(MSG.get(caller.platformLang(), "console.failed", InputText.clean(String.valueOf(e.getMessage()))));
                }
                continue;
            }
            if (reply.isPresent()) {
                ConsoleRenderer.Rendered rendered = ConsoleRenderer.render(reply.get());
                out.println(rendered.text());
                out.println();
                lastActions = rendered.actions();
            }
        }
    }
}
