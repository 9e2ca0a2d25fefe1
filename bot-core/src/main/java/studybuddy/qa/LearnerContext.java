package studybuddy.qa;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;
import studybuddy.roadmap.RoadmapLoader;
import studybuddy.roadmap.StudyEstimator;

/**
 * What the bot knows about the asker, used to personalise answers ("how long for me?").
 *
 * @param ahead the study time still ahead, from the one estimate model that /progress and onboarding use
 * @param today the asker's date, from which the finish date is counted
 */
public record LearnerContext(Background background, LearningPath path, int weeklyHours,
                             StudyEstimator.Estimate ahead, LocalDate today) {
    public LearnerContext {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(ahead, "ahead");
        Objects.requireNonNull(today, "today");
    }

    /** Someone who has not started yet: the whole route on the bundled roadmap, counted from today in UTC. */
    public LearnerContext(Background background, LearningPath path, int weeklyHours) {
        this(background, path, weeklyHours, DefaultEstimator.INSTANCE.wholeRoute(background,
                path == null ? LearningPath.SOFTWARE : path, weeklyHours), LocalDate.now(Clock.systemUTC()));
    }

    private static final class DefaultEstimator {
        static final StudyEstimator INSTANCE = new StudyEstimator(RoadmapLoader.loadDefault());
    }
}
