package studybuddy.learner;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studybuddy.roadmap.Unit;
import studybuddy.storage.Database;

/**
 * A unit marked done in two statements: one read (the learner's marks, with the review schedule the write needs) and
 * one write (the mark, this week's goal ticked, the unit's first review and the learner's next review run, the link
 * question), data-modifying CTEs in one statement. /done was eight round trips, four of them writes; the statements
 * span progress, weekly goals, review and dialogue, so they live here, next to /done, rather than in one repository.
 * Each writes the same rows as the separate repository calls did ({@link PostgresProgressRepository#mark},
 * {@code WeeklyGoalService#unitMarked}, {@code ReviewService#unitMarked}, {@link PostgresDialogueRepository#save}).
 */
public final class DoneStatement implements ProgressService.DoneWriter {
    /**
     * Decides a unit's first review (the review capability's rules; see {@code ReviewService#firstReview}).
     */
    @FunctionalInterface
    public interface FirstReviews {
        /** Empty when the unit has no review questions (it does not enter review). */
        Optional<FirstReview> firstReview(Learner learner, Unit unit, ReviewState before, Instant now);
    }

    /**
     * A learner's review schedule as read before the mark. Without a schedule row yet: enabled, no time of their own.
     *
     * @param reviewTime   null: their check-in time
     * @param earliestDue  the earliest due date of their review items; null when they have none
     */
    public record ReviewState(boolean enabled, LocalTime reviewTime, LocalDate earliestDue) {
    }

    /**
     * The unit's first review item and the schedule's next run: {@code nextRunIfAdded} when the item is new,
     * {@code nextRunIfKept} when the unit was under review already (the insert does nothing); null: no run.
     */
    public record FirstReview(LocalDate dueOn, int intervalDays, double ease, Instant nextRunIfAdded,
                              Instant nextRunIfKept) {
    }

    // The marks in the order PostgresProgressRepository reads them; one row with a null unit when there are none.
    private static final String LOAD = """
            select p.unit_id, p.status, p.marked_at, coalesce(s.enabled, true) as review_enabled, s.review_time,
                   (select min(i.due_on) from review_item i where i.learner_id = l.id) as earliest_due
              from (select ?::bigint as id) l
              left join review_schedule s on s.learner_id = l.id
              left join unit_progress p on p.learner_id = l.id
             order by p.marked_at, p.unit_id""";

    // this week's goal for the unit, if it is one (the goals of the latest planned week)
    private static final String TICK_GOAL = """
            with goal as (
                update weekly_goal set done_at = ?
                 where learner_id = ? and unit_id = ? and done_at is null
                   and week_start = (select max(week_start) from weekly_goal where learner_id = ?))""";

    // The first review, unless the unit is under review already; the schedule row if it is the learner's first, and its
    // next run moved only when it changes (a sibling CTE does not see the row another one inserts: each row is
    // written by one of them).
    private static final String FIRST_REVIEW = """
            , item as (
                insert into review_item (learner_id, unit_id, due_on, interval_days, streak, ease, created_at)
                values (?, ?, ?, ?, 0, ?, ?)
                on conflict (learner_id, unit_id) do nothing
                returning id),
            planned as (
                select case when exists (select from item) then ?::timestamptz else ?::timestamptz end as run_at),
            new_schedule as (
                insert into review_schedule (learner_id, next_run_at) select ?, run_at from planned
                on conflict (learner_id) do nothing),
            moved_schedule as (
                update review_schedule set next_run_at = (select run_at from planned)
                 where learner_id = ? and next_run_at is distinct from (select run_at from planned))""";

    private static final String OPEN_DIALOGUE = """
            , asked as (
                insert into dialogue (learner_id, command, answers, updated_at) values (?, ?, ?::jsonb, ?)
                on conflict (learner_id) do update
                   set command = excluded.command, answers = excluded.answers, updated_at = excluded.updated_at)""";

    private static final String MARK = """
            insert into unit_progress (learner_id, unit_id, status, marked_at) values (?, ?, 'done', ?)
            on conflict (learner_id, unit_id) do update set status = excluded.status, marked_at = excluded.marked_at""";

    /** What a unit of work remembers of a learner's review schedule by (read along with the marks). */
    private record ReviewKey(long learnerId) {
    }

    private final Database db;
    private final FirstReviews reviews;

    public DoneStatement(Database db, FirstReviews reviews) {
        this.db = db;
        this.reviews = reviews;
    }

    @Override
    public void preload(long learnerId) {
        reviewState(learnerId);
    }

    private ReviewState reviewState(long learnerId) {
        return db.memo(new ReviewKey(learnerId), () -> load(learnerId));
    }

    private ReviewState load(long learnerId) {
        return db.inTransaction(c -> {
            Map<String, Mark> marks = new LinkedHashMap<>();
            ReviewState state = null;
            try (PreparedStatement ps = c.prepareStatement(LOAD)) {
                ps.setLong(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (state == null) {
                            state = new ReviewState(rs.getBoolean("review_enabled"),
                                    rs.getObject("review_time", LocalTime.class),
                                    rs.getObject("earliest_due", LocalDate.class));
                        }
                        String unit = rs.getString("unit_id");
                        if (unit != null) {
                            marks.put(unit, new Mark(unit,
                                    Mark.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                                    rs.getTimestamp("marked_at").toInstant()));
                        }
                    }
                }
            }
            PostgresProgressRepository.readAlong(db, learnerId, marks);
            return state;
        });
    }

    @Override
    public void markDone(Learner learner, Unit unit, Instant at, Optional<DialogueRepository.Dialogue> thenAsk) {
        long id = learner.id();
        Optional<FirstReview> review = reviews.firstReview(learner, unit, reviewState(id), at);
        String sql = TICK_GOAL + (review.isPresent() ? FIRST_REVIEW : "") + (thenAsk.isPresent() ? OPEN_DIALOGUE : "")
                + "\n" + MARK;
        Timestamp now = Timestamp.from(at);
        // nothing reads what it returns: it can go out with the commit (Database#writeWithCommit)
        db.writeWithCommit(sql, ps -> {
            int i = 0;
            ps.setTimestamp(++i, now);
            ps.setLong(++i, id);
            ps.setString(++i, unit.id());
            ps.setLong(++i, id);
            if (review.isPresent()) {
                FirstReview r = review.get();
                ps.setLong(++i, id);
                ps.setString(++i, unit.id());
                ps.setObject(++i, r.dueOn());
                ps.setInt(++i, r.intervalDays());
                ps.setDouble(++i, r.ease());
                ps.setTimestamp(++i, now);
                setInstant(ps, ++i, r.nextRunIfAdded());
                setInstant(ps, ++i, r.nextRunIfKept());
                ps.setLong(++i, id);
                ps.setLong(++i, id);
            }
            if (thenAsk.isPresent()) {
                ps.setLong(++i, id);
                ps.setString(++i, thenAsk.get().command());
                ps.setString(++i, PostgresDialogueRepository.answersJson(thenAsk.get()));
                ps.setTimestamp(++i, now);
            }
            ps.setLong(++i, id);
            ps.setString(++i, unit.id());
            ps.setTimestamp(++i, now);
        });
        PostgresProgressRepository.markedAlong(db, id, unit.id(), Mark.Status.DONE, at);
        thenAsk.ifPresent(d -> PostgresDialogueRepository.savedAlong(db, id, d));
        db.forget(k -> k.equals(new ReviewKey(id))); // its earliest due date may have moved
    }

    private static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setTimestamp(index, Timestamp.from(at));
        }
    }
}
