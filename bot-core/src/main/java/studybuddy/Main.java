package studybuddy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import studybuddy.qa.AskCli;

/** The command-line entry point: {@code java -jar study-buddy.jar SUBCOMMAND [ARGS]}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // stdout carries answers (JSON lines for scripts): force UTF-8 whatever the platform default is.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int code = run(args, out);
        out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out) {
        String command = args.length == 0 ? "--help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        // One case per subcommand.
        switch (command) {
            case "ask":
                return AskCli.run(rest, System.in, out);
            case "--help":
            case "-h":
            case "help":
                usage(out);
                return 0;
            default:
                out.println("unknown subcommand: " + command);
                usage(out);
                return 2;
        }
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar study-buddy.jar SUBCOMMAND [ARGS]");
        out.println();
        out.println("subcommands:");
        out.println("  console        chat with the bot in the terminal");
        out.println("  ask --jsonl    answer roadmap questions, one JSON object per line on stdin");
        out.println("  ask QUESTION   answer one roadmap question");
        out.println("  --help         show this help");
    }
}
