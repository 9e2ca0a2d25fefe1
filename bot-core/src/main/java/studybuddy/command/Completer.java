package studybuddy.command;

import java.util.List;

/** Suggests values for an option while the user types it (Discord autocomplete, console hints). */
@FunctionalInterface
public interface Completer {
    /** At most 25 suggestions for {@code option} given what was typed so far. */
    List<Button> complete(Caller caller, String option, String typed);

    Completer NONE = (caller, option, typed) -> List.of();
}
