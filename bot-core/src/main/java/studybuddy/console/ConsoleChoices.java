package studybuddy.console;

import java.util.List;
import java.util.Optional;

/**
 * The numbered choices of the last message shown in a console, a reply or a pushed message (a check-in with its
 * buttons, a weekly plan): typing the number presses the button. Shared by the session and its sender threads.
 */
public final class ConsoleChoices {
    private List<String> actions = List.of();

    /**
     * The choices of a message just shown. A reply always replaces the earlier ones (after a question that takes a
     * number, "8" must stay 8); a pushed message only when it has buttons, so a plain reminder arriving mid-way
     * does not take away the choices being answered.
     */
    public synchronized void offer(List<String> latest, boolean reply) {
        if (reply || !latest.isEmpty()) {
            actions = List.copyOf(latest);
        }
    }

    /** The action a typed line stands for: the n-th choice for "n", the line itself otherwise. */
    public synchronized String resolve(String line) {
        return pick(line).orElse(line);
    }

    synchronized Optional<String> pick(String line) {
        if (!line.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        int n = Integer.parseInt(line);
        return n >= 1 && n <= actions.size() ? Optional.of(actions.get(n - 1)) : Optional.empty();
    }
}
