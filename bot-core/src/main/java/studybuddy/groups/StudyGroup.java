package studybuddy.groups;

import java.time.Instant;
import java.util.Optional;

/** A study group: a Telegram group or a Discord channel with a weekly check-in. */
public record StudyGroup(long id, String platform, String chatId, String title, GroupSettings settings, Status status,
                         Optional<Instant> nextOpenAt) {
    public enum Status { ACTIVE, PAUSED, OFF }
}
