package studybuddy.learner;

import java.util.function.Function;
import studybuddy.command.CommandRequest;
import studybuddy.command.Reply;

/**
 * What /done does around marking a unit, e.g. keeping a link to what the learner made (proof of work).
 * {@code mark} marks a unit done as plain /done would (a blank reference: the current unit) and returns its reply.
 */
@FunctionalInterface
public interface DoneExtension {
    DoneExtension NONE = (request, learner, mark) -> mark.apply(request.has("unit") ? request.option("unit") : request.text());

    Reply done(CommandRequest request, Learner learner, Function<String, Reply> mark);
}
