package studybuddy.qa;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;
import studybuddy.roadmap.RoadmapLoader;
import studybuddy.roadmap.StudyEstimator;

/**
 * What the bot knows about the asker, used to personalise answers ("how long for me?").
 *
 * @param aheadWhenAsked the study time still ahead, from the one estimate model that /progress and onboarding use;
 *                       worked out only if an answer uses it (it reads the learner's progress), then kept
 * @param today the asker's date, from which the finish date is counted
 */
public record LearnerContext(Background background, LearningPath path, int weeklyHours,
                             Supplier<StudyEstimator.Estimate> aheadWhenAsked, LocalDate today) {
    public LearnerContext {
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(aheadWhenAsked, "ahead");
        Objects.requireNonNull(today, "today");
        aheadWhenAsked = once(aheadWhenAsked);
    }

    public LearnerContext(Background background, LearningPath path, int weeklyHours, StudyEstimator.Estimate ahead,
                          LocalDate today) {
        this(background, path, weeklyHours, () -> Objects.requireNonNull(ahead, "ahead"), today);
    }

    /** The study time still ahead. */
    public StudyEstimator.Estimate ahead() {
        return aheadWhenAsked.get();
    }

    private static <T> Supplier<T> once(Supplier<T> work) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = Objects.requireNonNull(work.get(), "ahead");
                }
                return value;
            }
        };
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
