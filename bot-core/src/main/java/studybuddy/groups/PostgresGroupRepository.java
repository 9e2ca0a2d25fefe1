package studybuddy.groups;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;

public final class PostgresGroupRepository implements GroupRepository {
    private static final String GROUP_COLUMNS = """
            id, platform, chat_id, title, timezone, checkin_day, checkin_time, window_hours, lang, status, next_open_at""";
    private static final String UPSERT_GROUP = """
            insert into study_group (platform, chat_id, title, timezone, checkin_day, checkin_time, window_hours, lang,
                                     status, next_open_at, created_by, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)
            on conflict (platform, chat_id) do update
               set title = excluded.title, timezone = excluded.timezone, checkin_day = excluded.checkin_day,
                   checkin_time = excluded.checkin_time, window_hours = excluded.window_hours, lang = excluded.lang,
                   status = 'active', next_open_at = excluded.next_open_at, updated_at = excluded.updated_at
            returning \s""" + GROUP_COLUMNS;
    private static final String MEMBERS = """
            select l.id, coalesce(a.user_id, l.user_id), coalesce(a.display_name, l.display_name),
                   coalesce(a.chat_id, l.chat_id), l.reachable, l.lang, m.away_until, l.onboarded_at is not null
              from group_member m
              join study_group g on g.id = m.group_id
              join learner l on l.id = m.learner_id
              -- a learner linked across platforms is known in this group by their account on its platform
              left join learner_account a on a.learner_id = l.id and a.platform = g.platform
             where m.group_id = ?
             order by m.joined_at, l.id""";
    private static final String WINDOW_COLUMNS = "id, group_id, week_start, opens_at, nudge_at, closes_at, state";
    private static final String SAVE_ANSWER = """
            insert into checkin_answer (window_id, learner_id, done, next, blockers, late, answered_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (window_id, learner_id) do update
               set done = excluded.done, next = excluded.next, blockers = excluded.blockers,
                   late = checkin_answer.late or excluded.late, edited_at = excluded.answered_at
            returning window_id, learner_id, done, next, blockers, late, answered_at, edited_at""";
    private static final String CHAT_GONE = """
            update study_group set status = 'off', next_open_at = null, updated_at = ?
             where platform = ? and chat_id = ? and status <> 'off'""";
    private static final String UNITS_DONE = """
            select learner_id, count(*) from unit_progress
             where learner_id = any (?) and status = 'done' and marked_at >= ? and marked_at < ?
             group by learner_id""";
    private static final String NOTES = """
            select learner_id, text from learner_note
             where learner_id = any (?) and created_at >= ? and created_at < ?
             order by created_at""";
    private static final String ANSWER_COUNTS = """
            select w.week_start, count(a.learner_id)
              from checkin_window w left join checkin_answer a on a.window_id = w.id
             where w.group_id = ?
             group by w.week_start
             order by w.week_start desc
             limit ?""";

    private final Database db;

    public PostgresGroupRepository(Database db) {
        this.db = db;
    }

    @Override
    public StudyGroup saveGroup(String platform, String chatId, String title, GroupSettings s, long adminLearnerId,
                                String createdBy, Instant nextOpenAt, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_GROUP)) {
                ps.setString(1, platform);
                ps.setString(2, chatId);
                ps.setString(3, title == null ? "" : title);
                ps.setString(4, s.zone().getId());
                ps.setShort(5, (short) s.day().getValue());
                ps.setObject(6, s.time());
                ps.setInt(7, s.windowHours());
                ps.setString(8, s.lang().code());
                ps.setTimestamp(9, Timestamp.from(nextOpenAt));
                ps.setString(10, createdBy);
                ps.setTimestamp(11, Timestamp.from(now));
                ps.setTimestamp(12, Timestamp.from(now));
                StudyGroup group;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    group = readGroup(rs);
                }
                join(c, group.id(), adminLearnerId, now);
                return group;
            }
        });
    }

    @Override
    public Optional<StudyGroup> findGroup(String platform, String chatId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select " + GROUP_COLUMNS + " from study_group where platform = ? and chat_id = ?")) {
                ps.setString(1, platform);
                ps.setString(2, chatId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(readGroup(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<StudyGroup> findGroup(long id) {
        return db.inTransaction(c -> findGroup(c, id));
    }

    static Optional<StudyGroup> findGroup(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + GROUP_COLUMNS + " from study_group where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readGroup(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public void setStatus(long groupId, StudyGroup.Status status, Instant nextOpenAt, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update study_group set status = ?, next_open_at = ?, updated_at = ? where id = ?")) {
                ps.setString(1, status.name().toLowerCase(Locale.ROOT));
                if (nextOpenAt == null) {
                    ps.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setTimestamp(2, Timestamp.from(nextOpenAt));
                }
                ps.setTimestamp(3, Timestamp.from(now));
                ps.setLong(4, groupId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean chatGone(String platform, String chatId, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(CHAT_GONE)) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, platform);
                ps.setString(3, chatId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean join(long groupId, long learnerId, Instant now) {
        return db.inTransaction(c -> join(c, groupId, learnerId, now));
    }

    private static boolean join(Connection c, long groupId, long learnerId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into group_member (group_id, learner_id, joined_at) values (?, ?, ?) on conflict do nothing")) {
            ps.setLong(1, groupId);
            ps.setLong(2, learnerId);
            ps.setTimestamp(3, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        }
    }

    @Override
    public boolean leave(long groupId, long learnerId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from group_member where group_id = ? and learner_id = ?")) {
                ps.setLong(1, groupId);
                ps.setLong(2, learnerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int setAway(long learnerId, Instant until) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("update group_member set away_until = ? where learner_id = ?")) {
                if (until == null) {
                    ps.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setTimestamp(1, Timestamp.from(until));
                }
                ps.setLong(2, learnerId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<Member> members(long groupId) {
        return db.inTransaction(c -> members(c, groupId));
    }

    static List<Member> members(Connection c, long groupId) throws SQLException {
        List<Member> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(MEMBERS)) {
            ps.setLong(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp away = rs.getTimestamp(7);
                    members.add(new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), Lang.parse(rs.getString(6)).orElse(Lang.EN),
                            Optional.ofNullable(away).map(Timestamp::toInstant), rs.getBoolean(8)));
                }
            }
        }
        return members;
    }

    @Override
    public List<StudyGroup> groupsOf(long learnerId) {
        return db.inTransaction(c -> {
            List<StudyGroup> groups = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select g.* from study_group g join group_member m on m.group_id = g.id
                     where m.learner_id = ? and g.status <> 'off' order by g.id""")) {
                ps.setLong(1, learnerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        groups.add(readGroup(rs));
                    }
                }
            }
            return groups;
        });
    }

    @Override
    public Optional<CheckinWindow> latestWindow(long groupId) {
        return windows(groupId, 1).stream().findFirst();
    }

    @Override
    public List<CheckinWindow> windows(long groupId, int limit) {
        return db.inTransaction(c -> {
            List<CheckinWindow> windows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + WINDOW_COLUMNS
                    + " from checkin_window where group_id = ? order by opens_at desc limit ?")) {
                ps.setLong(1, groupId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        windows.add(readWindow(rs));
                    }
                }
            }
            return windows;
        });
    }

    @Override
    public Map<Long, CheckinAnswer> answers(long windowId) {
        return db.inTransaction(c -> answers(c, windowId));
    }

    static Map<Long, CheckinAnswer> answers(Connection c, long windowId) throws SQLException {
        Map<Long, CheckinAnswer> answers = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select window_id, learner_id, done, next, blockers, late, answered_at, edited_at
                  from checkin_answer where window_id = ? order by answered_at""")) {
            ps.setLong(1, windowId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CheckinAnswer a = readAnswer(rs);
                    answers.put(a.learnerId(), a);
                }
            }
        }
        return answers;
    }

    @Override
    public CheckinAnswer saveAnswer(long windowId, long learnerId, String done, String next, String blockers,
                                    boolean late, Instant now) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SAVE_ANSWER)) {
                ps.setLong(1, windowId);
                ps.setLong(2, learnerId);
                ps.setString(3, done);
                ps.setString(4, next);
                ps.setString(5, blockers);
                ps.setBoolean(6, late);
                ps.setTimestamp(7, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return readAnswer(rs);
                }
            }
        });
    }

    @Override
    public void addNote(long learnerId, String text, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into learner_note (learner_id, text, created_at) values (?, ?, ?)")) {
                ps.setLong(1, learnerId);
                ps.setString(2, text);
                ps.setTimestamp(3, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Map<Long, List<String>> notes(List<Long> learnerIds, Instant from, Instant to) {
        return db.inTransaction(c -> notes(c, learnerIds, from, to));
    }

    static Map<Long, List<String>> notes(Connection c, List<Long> learnerIds, Instant from, Instant to)
            throws SQLException {
        Map<Long, List<String>> notes = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(NOTES)) {
            ps.setArray(1, ids(c, learnerIds));
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    notes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return notes;
    }

    @Override
    public Map<Long, Integer> unitsDone(List<Long> learnerIds, Instant from, Instant to) {
        return db.inTransaction(c -> unitsDone(c, learnerIds, from, to));
    }

    static Map<Long, Integer> unitsDone(Connection c, List<Long> learnerIds, Instant from, Instant to)
            throws SQLException {
        Map<Long, Integer> done = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(UNITS_DONE)) {
            ps.setArray(1, ids(c, learnerIds));
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    done.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return done;
    }

    @Override
    public Map<LocalDate, Integer> answerCounts(long groupId, int weeks) {
        return db.inTransaction(c -> {
            Map<LocalDate, Integer> counts = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(ANSWER_COUNTS)) {
                ps.setLong(1, groupId);
                ps.setInt(2, weeks);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
                    }
                }
            }
            return counts;
        });
    }

    private static Array ids(Connection c, List<Long> ids) throws SQLException {
        return c.createArrayOf("bigint", ids.toArray());
    }

    static StudyGroup readGroup(ResultSet rs) throws SQLException {
        GroupSettings settings = new GroupSettings(ZoneId.of(rs.getString("timezone")),
                DayOfWeek.of(rs.getShort("checkin_day")), rs.getObject("checkin_time", LocalTime.class),
                rs.getInt("window_hours"), Lang.parse(rs.getString("lang")).orElse(Lang.EN));
        Timestamp next = rs.getTimestamp("next_open_at");
        return new StudyGroup(rs.getLong("id"), rs.getString("platform"), rs.getString("chat_id"),
                rs.getString("title"), settings,
                StudyGroup.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(next).map(Timestamp::toInstant));
    }

    static CheckinWindow readWindow(ResultSet rs) throws SQLException {
        return new CheckinWindow(rs.getLong("id"), rs.getLong("group_id"), rs.getObject("week_start", LocalDate.class),
                rs.getTimestamp("opens_at").toInstant(), rs.getTimestamp("nudge_at").toInstant(),
                rs.getTimestamp("closes_at").toInstant(),
                CheckinWindow.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)));
    }

    private static CheckinAnswer readAnswer(ResultSet rs) throws SQLException {
        Timestamp edited = rs.getTimestamp(8);
        return new CheckinAnswer(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getTimestamp(7).toInstant(), Optional.ofNullable(edited).map(Timestamp::toInstant));
    }
}
