package studybuddy.learner;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import studybuddy.command.Caller;
import studybuddy.i18n.Lang;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;
import studybuddy.storage.Database;

public final class PostgresLearnerRepository implements LearnerRepository {
    private static final String COLUMNS = """
            id, platform, user_id, chat_id, display_name, lang, background, path, weekly_hours, timezone,
            checkin_day, checkin_time, onboarded_at, reachable, unreachable_reason""";

    private static final String UPSERT = """
            insert into learner (platform, user_id, chat_id, display_name, lang)
            values (?, ?, ?, ?, ?)
            on conflict (platform, user_id) do update
               set display_name = excluded.display_name,
                   chat_id = case when ? then learner.chat_id else excluded.chat_id end
            returning \s""" + COLUMNS;

    private static final String SAVE_SETTINGS = """
            update learner
               set background = ?, path = ?, weekly_hours = ?, timezone = ?, lang = ?, checkin_day = ?,
                   checkin_time = ?, onboarded_at = coalesce(onboarded_at, ?), updated_at = ?
             where id = ?
            returning \s""" + COLUMNS;

    private final Database db;

    public PostgresLearnerRepository(Database db) {
        this.db = db;
    }

    // A linked account (not the learner's home) finds its learner here; its own chat and name are kept on the
    // account row, the learner row keeps the home account's.
    private static final String TOUCH_ACCOUNT = """
            update learner_account
               set display_name = ?, chat_id = case when ? then chat_id else ? end
             where platform = ? and user_id = ?
            returning learner_id""";

    private static final String TOUCH_HOME = """
            update learner
               set display_name = ?, chat_id = case when ? then chat_id else ? end
             where id = ? and platform = ? and user_id = ?""";

    private static final String ADD_ACCOUNT = """
            insert into learner_account (platform, user_id, chat_id, display_name, learner_id, linked_at)
            values (?, ?, ?, ?, ?, now())
            on conflict (platform, user_id) do nothing""";

    // The account as stored, with its learner and the learner's dialogue (which the dispatcher reads next for every
    // message): what a command that only reads needs, in one statement.
    private static final String FIND_BY_ACCOUNT = """
            select l.*, a.display_name as account_name, a.chat_id as account_chat,
                   d.command as dialogue_command, d.answers::text as dialogue_answers
              from learner_account a join learner l on l.id = a.learner_id
              left join dialogue d on d.learner_id = l.id
             where a.platform = ? and a.user_id = ?""";

    /** What a unit of work remembers a caller's learner by. */
    private record CallerKey(String platform, String userId) {
    }

    @Override
    public Learner findOrCreate(Caller caller) {
        return db.memo(new CallerKey(caller.platform(), caller.userId()), () -> resolve(caller));
    }

    // A read; a write only on first contact or when the name or the private chat actually changed (a command
    // that only reads must not rewrite the learner's row each time).
    private Learner resolve(Caller caller) {
        // A learner's private chat is where the bot reaches them; a message from a group keeps the old one.
        String chatId = caller.groupChat() ? caller.userId() : caller.chatId();
        String name = truncate(caller.displayName(), 200);
        Optional<Learner> unchanged = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(FIND_BY_ACCOUNT)) {
                ps.setString(1, caller.platform());
                ps.setString(2, caller.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Learner>empty();
                    }
                    String chat = caller.groupChat() ? rs.getString("account_chat") : chatId;
                    boolean same = java.util.Objects.equals(rs.getString("account_name"), name)
                            && java.util.Objects.equals(rs.getString("account_chat"), chat);
                    if (!same) {
                        return Optional.<Learner>empty();
                    }
                    Learner learner = read(rs);
                    PostgresDialogueRepository.readAlong(db, learner.id(), rs.getString("dialogue_command"),
                            rs.getString("dialogue_answers"));
                    return Optional.of(learner);
                }
            }
        });
        if (unchanged.isPresent()) {
            return unchanged.get();
        }
        db.noteWrite();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(TOUCH_ACCOUNT)) {
                ps.setString(1, name);
                ps.setBoolean(2, caller.groupChat());
                ps.setString(3, chatId);
                ps.setString(4, caller.platform());
                ps.setString(5, caller.userId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long id = rs.getLong(1);
                        try (PreparedStatement home = c.prepareStatement(TOUCH_HOME)) {
                            home.setString(1, name);
                            home.setBoolean(2, caller.groupChat());
                            home.setString(3, chatId);
                            home.setLong(4, id);
                            home.setString(5, caller.platform());
                            home.setString(6, caller.userId());
                            home.executeUpdate();
                        }
                        return find(c, id).orElseThrow();
                    }
                }
            }
            Learner learner;
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, caller.platform());
                ps.setString(2, caller.userId());
                ps.setString(3, chatId);
                ps.setString(4, name);
                ps.setString(5, caller.platformLang().code());
                ps.setBoolean(6, caller.groupChat());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    learner = read(rs);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(ADD_ACCOUNT)) {
                ps.setString(1, caller.platform());
                ps.setString(2, caller.userId());
                ps.setString(3, learner.chatId());
                ps.setString(4, name);
                ps.setLong(5, learner.id());
                ps.executeUpdate();
            }
            return learner;
        });
    }

    /** The learner with this id, read in the caller's transaction. */
    public static Optional<Learner> find(java.sql.Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from learner where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Learner> find(long id) {
        return query("select " + COLUMNS + " from learner where id = ?", ps -> ps.setLong(1, id));
    }

    @Override
    public Optional<Learner> findByPlatformUser(String platform, String userId) {
        return query("select " + COLUMNS + " from learner"
                + " where id = (select learner_id from learner_account where platform = ? and user_id = ?)", ps -> {
            ps.setString(1, platform);
            ps.setString(2, userId);
        });
    }

    @Override
    public Learner saveSettings(long id, LearnerSettings s, Instant now) {
        db.noteWrite();
        db.forget(k -> k instanceof CallerKey);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SAVE_SETTINGS)) {
                ps.setString(1, s.background().id());
                ps.setString(2, s.path().id());
                ps.setInt(3, s.weeklyHours());
                ps.setString(4, s.zone().getId());
                ps.setString(5, s.lang().code());
                ps.setShort(6, (short) s.checkinDay().getValue());
                ps.setObject(7, s.checkinTime());
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setTimestamp(9, Timestamp.from(now));
                ps.setLong(10, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no learner " + id);
                    }
                    return read(rs);
                }
            }
        });
    }

    @Override
    public Learner saveLang(long id, Lang lang) {
        db.noteWrite();
        db.forget(k -> k instanceof CallerKey);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update learner set lang = ?, updated_at = now() where id = ? returning " + COLUMNS)) {
                ps.setString(1, lang.code());
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return read(rs);
                }
            }
        });
    }

    @Override
    public void setReachable(long id, boolean reachable, String reason) {
        db.forget(k -> k instanceof CallerKey);
        db.noteWrite();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "update learner set reachable = ?, unreachable_reason = ?, updated_at = now() where id = ?")) {
                ps.setBoolean(1, reachable);
                if (reachable || reason == null) {
                    ps.setNull(2, Types.VARCHAR);
                } else {
                    ps.setString(2, truncate(reason, 500));
                }
                ps.setLong(3, id);
                return ps.executeUpdate();
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<Learner> query(String sql, Binder binder) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    static Learner read(ResultSet rs) throws SQLException {
        Optional<LearnerSettings> settings = Optional.empty();
        Timestamp onboarded = rs.getTimestamp("onboarded_at");
        Lang lang = Lang.parse(rs.getString("lang")).orElse(Lang.EN);
        if (onboarded != null && rs.getString("background") != null) {
            settings = Optional.of(new LearnerSettings(
                    Background.parse(rs.getString("background")).orElseThrow(),
                    LearningPath.parse(rs.getString("path")).orElseThrow(),
                    rs.getInt("weekly_hours"),
                    ZoneId.of(rs.getString("timezone")),
                    lang,
                    DayOfWeek.of(rs.getShort("checkin_day")),
                    rs.getObject("checkin_time", java.time.LocalTime.class)));
        }
        return new Learner(rs.getLong("id"), rs.getString("platform"), rs.getString("user_id"),
                rs.getString("chat_id"), rs.getString("display_name"), lang, settings,
                Optional.ofNullable(onboarded).map(Timestamp::toInstant), rs.getBoolean("reachable"),
                Optional.ofNullable(rs.getString("unreachable_reason")));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

}
