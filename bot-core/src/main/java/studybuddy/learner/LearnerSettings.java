package studybuddy.learner;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import studybuddy.i18n.Lang;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;

/** What onboarding collects; all present once a learner is onboarded. */
public record LearnerSettings(Background background, LearningPath path, int weeklyHours, ZoneId zone, Lang lang,
                              DayOfWeek checkinDay, LocalTime checkinTime) {
}
