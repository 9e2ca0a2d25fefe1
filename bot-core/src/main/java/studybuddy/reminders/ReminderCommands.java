package studybuddy.reminders;

import java.util.List;
import studybuddy.command.Audience;
import studybuddy.command.CommandRequest;
import studybuddy.command.CommandSpec;
import studybuddy.command.OptionSpec;
import studybuddy.learner.Learner;
import studybuddy.learner.LearnerRepository;

/** /goals, /nudges, /remind, /reminders, /pause, /resume, /quiet. */
public final class ReminderCommands {
    private static final String BUNDLE = "reminders_commands";

    private final LearnerRepository learners;
    private final ReminderService reminders;
    private final WeeklyGoalService goals;

    public ReminderCommands(LearnerRepository learners, ReminderService reminders, WeeklyGoalService goals) {
        this.learners = learners;
        this.reminders = reminders;
        this.goals = goals;
    }

    public List<CommandSpec> specs() {
        return List.of(
                new CommandSpec("goals", List.of("week"), BUNDLE, "goals", List.of(), Audience.PERSONAL,
                        r -> goals.goalsView(learner(r)), null),
                new CommandSpec("nudges", List.of(), BUNDLE, "nudges",
                        List.of(OptionSpec.choice("mode", false, List.of("on", "off"), "nudges.mode")), Audience.PERSONAL,
                        r -> goals.nudges(learner(r), arg(r, "mode"), reminders), null),
                new CommandSpec("remind", List.of("reminder"), BUNDLE, "remind",
                        List.of(OptionSpec.text("when", false, "remind.when"), OptionSpec.text("text", false, "remind.text")),
                        Audience.PERSONAL, this::remind, null),
                new CommandSpec("reminders", List.of(), BUNDLE, "reminders", List.of(), Audience.PERSONAL,
                        r -> reminders.list(learner(r)), null),
                new CommandSpec("pause", List.of(), BUNDLE, "pause",
                        List.of(OptionSpec.integer("days", false, "pause.days")), Audience.PERSONAL,
                        r -> reminders.pause(learner(r), arg(r, "days")), null),
                new CommandSpec("resume", List.of(), BUNDLE, "resume", List.of(), Audience.PERSONAL,
                        r -> reminders.resume(learner(r)), null),
                new CommandSpec("quiet", List.of(), BUNDLE, "quiet",
                        List.of(OptionSpec.text("hours", false, "quiet.hours")), Audience.PERSONAL,
                        r -> reminders.quiet(learner(r), arg(r, "hours")), null));
    }

    private studybuddy.command.Reply remind(CommandRequest r) {
        // a structured slash command brings when= and text=; a typed line brings everything as free text
        String line = r.has("when") ? r.option("when") + " " + (r.has("text") ? r.option("text") : r.text()) : r.text();
        return reminders.remind(learner(r), line);
    }

    private Learner learner(CommandRequest r) {
        return learners.findOrCreate(r.caller());
    }

    private static String arg(CommandRequest r, String option) {
        return r.has(option) ? r.option(option) : r.text();
    }
}
