package studybuddy.learner;

import java.util.Optional;
import studybuddy.command.CommandRequest;
import studybuddy.command.Reply;

/**
 * What /done does around marking a unit, e.g. keeping a link to what the learner made (proof of work).
 * {@code mark} marks a unit done as plain /done would (a blank reference: the current unit) and returns its reply.
 */
@FunctionalInterface
public interface DoneExtension {
    DoneExtension NONE = (request, learner, mark) ->
            mark.mark(request.has("unit") ? request.option("unit") : request.text(), Optional.empty());

    Reply done(CommandRequest request, Learner learner, Marker mark);

    /** Marks a unit done; {@code thenAsk}: a dialogue to open when the unit gets marked, written with the mark. */
    @FunctionalInterface
    interface Marker {
        Reply mark(String unitRef, Optional<DialogueRepository.Dialogue> thenAsk);
    }
}
