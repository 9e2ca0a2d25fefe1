package studybuddy.learner;

import java.util.Optional;
import studybuddy.command.Caller;
import studybuddy.i18n.Lang;

/** Where learners are kept. */
public interface LearnerRepository {
    /** The learner behind a caller, created on first contact with the platform's language. */
    Learner findOrCreate(Caller caller);

    Optional<Learner> find(long id);

    Optional<Learner> findByPlatformUser(String platform, String userId);

    /** Saves all settings at once and marks the learner onboarded (keeping the first onboarding time). */
    Learner saveSettings(long id, LearnerSettings settings, java.time.Instant now);

    Learner saveLang(long id, Lang lang);

    /** Records that messages can no longer reach the learner (or can again, with {@code reason} null). */
    void setReachable(long id, boolean reachable, String reason);
}
