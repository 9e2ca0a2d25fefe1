package studybuddy.review;

import java.util.ArrayList;
import java.util.List;
import studybuddy.command.Audience;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandHandler;
import studybuddy.command.CommandSpec;
import studybuddy.command.OptionSpec;
import studybuddy.command.Reply;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;

/**
 * /review, and the review line and picture added to /progress. Answers come back as {@code /review answer ID ROUND
 * CHOICE}, from a button (Discord, console) or a quiz poll (Telegram).
 */
public final class ReviewCommands {
    private static final String BUNDLE = "review_commands";

    private final LearnerRepository learners;
    private final ReviewService reviews;
    private final ProgressPicture picture;
    private final ProgressStatement progressRead;

    /** /progress reads each part on its own (six statements after the learner's). */
    public ReviewCommands(LearnerRepository learners, ReviewService reviews, ProgressPicture picture) {
        this(learners, reviews, picture, null);
    }

    /** /progress reads everything it shows in one statement first ({@code progressRead}). */
    public ReviewCommands(LearnerRepository learners, ReviewService reviews, ProgressPicture picture,
                          ProgressStatement progressRead) {
        this.learners = learners;
        this.reviews = reviews;
        this.picture = picture;
        this.progressRead = progressRead;
    }

    public List<CommandSpec> specs() {
        return List.of(new CommandSpec("review", List.of("quiz"), BUNDLE, "review", List.of(
                OptionSpec.choice("mode", false, List.of("on", "off"), "review.mode"),
                OptionSpec.text("time", false, "review.time")), Audience.PERSONAL, this::review, null));
    }

    private Reply review(CommandRequest r) {
        Learner learner = learners.findOrCreate(r.caller());
        String args = r.has("mode") ? r.option("mode") : r.has("time") ? "time " + r.option("time") : r.text();
        return reviews.review(learner, args);
    }

    /**
     * The same commands with /progress extended: its reply gets the review line and the progress picture. The
     * picture is an extra: when drawing it fails, /progress still answers with its text.
     */
    public List<CommandSpec> extendProgress(List<CommandSpec> specs) {
        List<CommandSpec> out = new ArrayList<>();
        for (CommandSpec spec : specs) {
            if (!spec.name().equals("progress")) {
                out.add(spec);
                continue;
            }
            CommandHandler extended = request -> {
                Learner learner = learners.findOrCreate(request.caller());
                // one statement for the whole reply: the parts below find the marks, projects and links remembered
                ReviewService.Status read = learner.onboarded() && progressRead != null
                        ? progressRead.read(learner) : null;
                Reply reply = spec.handler().handle(request);
                if (!learner.onboarded()) {
                    return reply;
                }
                // read once for the line and the picture
                ReviewService.Status status = read != null ? read : reviews.status(learner);
                Reply withRetention = reviews.retentionLine(learner, status).map(reply::append).orElse(reply);
                return picture.attachTo(withRetention, learner, status);
            };
            // the retention line and the picture only read: /progress stays a read-only command if it was one
            out.add(new CommandSpec(spec.name(), spec.aliases(), spec.bundle(), spec.descriptionKey(), spec.options(),
                    spec.audience(), spec.handler() instanceof CommandHandler.ReadOnly
                            ? CommandHandler.readOnly(extended) : extended, spec.completer()));
        }
        return out;
    }
}
