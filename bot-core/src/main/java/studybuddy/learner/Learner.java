package studybuddy.learner;

import java.time.Instant;
import java.util.Optional;
import studybuddy.i18n.Lang;

/**
 * A learner on one platform.
 *
 * @param settings    empty until onboarding finished
 * @param onboardedAt when onboarding finished (the start of their plan)
 * @param reachable   false once the platform said messages can never reach them (blocked the bot, DMs closed)
 */
public record Learner(long id, String platform, String userId, String chatId, String displayName, Lang lang,
                      Optional<LearnerSettings> settings, Optional<Instant> onboardedAt, boolean reachable,
                      Optional<String> unreachableReason) {

    public boolean onboarded() {
        return settings.isPresent();
    }
}
