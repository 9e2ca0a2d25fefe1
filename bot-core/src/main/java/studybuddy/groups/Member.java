package studybuddy.groups;

import java.time.Instant;
import java.util.Optional;
import studybuddy.i18n.Lang;

/** A group member as the check-in needs them. */
public record Member(long learnerId, String userId, String displayName, String privateChatId, boolean reachable,
                     Lang lang, Optional<Instant> awayUntil, boolean onboarded) {
    /** Whether the bot may write to them privately: they set up their plan with it (so they started a chat). */
    public boolean canBeMessagedPrivately() {
        return onboarded;
    }

    public boolean awayAt(Instant t) {
        return awayUntil.map(t::isBefore).orElse(false);
    }
}
