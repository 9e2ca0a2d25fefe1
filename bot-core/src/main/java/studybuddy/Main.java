package studybuddy;

import static studybuddy.ops.ShutdownSequence.ifSet;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import studybuddy.ops.OpsServer;
import studybuddy.ops.ShutdownSequence;
import studybuddy.console.ConsoleSession;
import studybuddy.qa.AskCli;
import studybuddy.storage.Database;
import studybuddy.storage.DatabaseSettings;
import studybuddy.storage.StorageUnavailableException;

/** The study-buddy command line: {@code console}, {@code ask --jsonl}, {@code --help}. */
public final class Main {
    private static final String USAGE = """
            Usage: java -jar study-buddy.jar <command> [options]

            Commands:
              console [--user NAME] [--group NAME]
                                      chat with the bot in this terminal (scripted when stdin is not a terminal);
                                      --group speaks in a local study group, to try weekly check-ins
              ask --jsonl             answer roadmap questions: one JSON object per line in, one per line out
              ask QUESTION            answer one roadmap question
              --help                  show this help

            Environment:
              DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD   a PostgreSQL server
                                      (without DATABASE_URL an embedded PostgreSQL keeps data in ~/.study-buddy)
              STUDYBUDDY_HOME         where the embedded PostgreSQL keeps its data
              STUDYBUDDY_HTTP_PORT    serve /health/live, /health/ready and /metrics on this port (off when unset)
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String command = args.length == 0 ? "--help" : args[0];
        try {
            return switch (command) {
                case "console" -> console(args, out);
                case "ask" -> AskCli.run(Arrays.copyOfRange(args, 1, args.length), System.in, out);
                case "--help", "-h", "help" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.println("Unknown command '" + command + "'.");
                    System.err.print(USAGE);
                    yield 2;
                }
            };
        } catch (StorageUnavailableException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static int console(String[] args, PrintStream out) {
        String user = System.getProperty("user.name", "me");
        String group = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--user") && i + 1 < args.length) {
                user = args[++i];
            } else if (args[i].startsWith("--user=")) {
                user = args[i].substring("--user=".length());
            } else if (args[i].equals("--group") && i + 1 < args.length) {
                group = args[++i];
            } else if (args[i].startsWith("--group=")) {
                group = args[i].substring("--group=".length());
            } else {
                System.err.println("Unknown option '" + args[i] + "' for console.");
                return 2;
            }
        }
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(System.getenv());
        Database db = Database.open(settings);
        BotCore core = new BotCore(db, Clock.systemUTC());
        // One hook owns the order of stopping (Ctrl-C, SIGTERM or the end of the input): the sweep, the health port,
        // then the pool and the embedded server, within 9 s whatever the sweep is doing.
        AtomicReference<OpsServer> ops = new AtomicReference<>();
        ShutdownSequence shutdown = new ShutdownSequence(Duration.ofSeconds(9))
                .then("readiness", Duration.ofMillis(100), () -> ifSet(ops, OpsServer::stopping))
                .then("scheduler", Duration.ofSeconds(5), () -> core.stop(Duration.ofSeconds(5)))
                .then("health port", Duration.ofSeconds(1), () -> ifSet(ops, OpsServer::close))
                .then("database", Duration.ofSeconds(4), db::close)
                .installHook();
        try {
            OpsServer.fromEnvironment(System.getenv(), core::healthChecks, core.metrics()).ifPresent(ops::set);
            boolean terminal = System.console() != null;
            ConsoleSession session = new ConsoleSession(core.dispatcher(), user, group, terminal,
                    settings.home().resolve("files"));
            if (terminal) {
                // line editing, history and messages printed above the prompt (JLine)
                try (org.jline.terminal.Terminal term = org.jline.terminal.TerminalBuilder.builder().system(true).build()) {
                    org.jline.reader.LineReader reader = ConsoleSession.lineReader(term,
                            settings.home().resolve("history-" + user.replaceAll("[^A-Za-z0-9_.-]", "_")));
                    core.registerSender(session.sender(studybuddy.console.ConsoleOutput.of(reader)));
                    core.start();
                    try {
                        session.run(reader);
                    } finally {
                        ConsoleSession.saveHistory(reader);
                    }
                }
                return 0;
            }
            core.registerSender(session.sender(studybuddy.console.ConsoleOutput.of(out)));
            core.start();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            session.run(in, out);
            return 0;
        } catch (java.io.IOException e) {
            System.err.println("Could not read the console input or open the health port: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } finally {
            shutdown.run();
        }
    }
}
