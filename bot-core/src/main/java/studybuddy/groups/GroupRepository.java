package studybuddy.groups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where groups, their members, windows, answers and notes are kept. */
public interface GroupRepository {
    /** Creates or updates a chat's group and makes the admin who set it up a member, in one transaction. */
    StudyGroup saveGroup(String platform, String chatId, String title, GroupSettings settings, long adminLearnerId,
                         String createdBy, Instant nextOpenAt, Instant now);

    Optional<StudyGroup> findGroup(String platform, String chatId);

    Optional<StudyGroup> findGroup(long id);

    void setStatus(long groupId, StudyGroup.Status status, Instant nextOpenAt, Instant now);

    /** Turns check-ins off for a chat the bot can no longer write to; true when a group was active there. */
    boolean chatGone(String platform, String chatId, Instant now);

    /** Adds a member; true when they were not one yet. */
    boolean join(long groupId, long learnerId, Instant now);

    boolean leave(long groupId, long learnerId);

    /** Marks a learner away in every group they are in, until {@code until} (null: back now). */
    int setAway(long learnerId, Instant until);

    List<Member> members(long groupId);

    List<StudyGroup> groupsOf(long learnerId);

    /** The newest window of a group. */
    Optional<CheckinWindow> latestWindow(long groupId);

    /** The newest windows of a group, newest first. */
    List<CheckinWindow> windows(long groupId, int limit);

    Map<Long, CheckinAnswer> answers(long windowId);

    /** Saves or replaces a member's answer; the first answer time is kept and an edit is stamped. */
    CheckinAnswer saveAnswer(long windowId, long learnerId, String done, String next, String blockers, boolean late,
                             Instant now);

    void addNote(long learnerId, String text, Instant now);

    /** Notes of the given learners written in [from, to). */
    Map<Long, List<String>> notes(List<Long> learnerIds, Instant from, Instant to);

    /** Units each learner marked done in [from, to). */
    Map<Long, Integer> unitsDone(List<Long> learnerIds, Instant from, Instant to);

    /** Check-in answers per window for a group: window week start → number of answers. */
    Map<LocalDate, Integer> answerCounts(long groupId, int weeks);
}
