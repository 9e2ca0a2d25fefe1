package studybuddy.qa;

import java.util.Objects;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;

/** What the bot knows about the asker, used to personalise answers ("how long for me?"). */
public record LearnerContext(Background background, LearningPath path, int weeklyHours) {
    public LearnerContext {
        Objects.requireNonNull(background, "background");
    }
}
