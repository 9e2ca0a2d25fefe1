package studybuddy.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the database keeps about one learner, found from the schema itself rather than from a list of tables,
 * so that a table added later is exported and erased without anyone remembering to wire it:
 * <ul>
 *   <li>rows of every table with a foreign key to {@code learner(id)}, and of every table with a foreign key to
 *       such a table's id (e.g. a project's milestones);</li>
 *   <li>rows of every table with a {@code platform} column and a {@code user_id} or {@code chat_id} column that
 *       match one of the learner's accounts (e.g. outbox rows addressed to their private chat).</li>
 * </ul>
 * Erasing deletes the latter explicitly and the learner row last, whose {@code ON DELETE CASCADE} keys take the
 * rest. Mentions of the learner in group messages still in the outbox, and the groups they set up (created_by),
 * are handled by name.
 */
public final class PersonalData {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Tables that are not about learners: Flyway's history and Quartz's job store. */
    private static final Set<String> NOT_PERSONAL = Set.of("flyway_schema_history");

    /** One of a learner's platform accounts. */
    public record Account(String platform, String userId, String chatId, String displayName, boolean home) {
    }

    /**
     * A table and its column that points at a learner, or at a row of {@code parentTable} (its column
     * {@code parentKey}) that belongs to one through the parent's {@code parentLearnerColumn}.
     */
    record Reference(String table, String column, String parentTable, String parentKey, String parentLearnerColumn) {
        boolean direct() {
            return parentTable.equals("learner");
        }
    }

    private PersonalData() {
    }

    /** The learner's accounts, home first. */
    public static List<Account> accounts(Connection c, long learnerId) throws SQLException {
        List<Account> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select a.platform, a.user_id, a.chat_id, a.display_name,
                       (a.platform = l.platform and a.user_id = l.user_id) as home, a.linked_at
                  from learner_account a join learner l on l.id = a.learner_id
                 where a.learner_id = ?
                union all
                -- the home account, even when its account row was never written (rows inserted by hand)
                select l.platform, l.user_id, l.chat_id, l.display_name, true, l.created_at
                  from learner l
                 where l.id = ? and not exists (select 1 from learner_account a
                                                 where a.platform = l.platform and a.user_id = l.user_id)
                 order by 5 desc, 6, 1""")) {
            ps.setLong(1, learnerId);
            ps.setLong(2, learnerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Account(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5)));
                }
            }
        }
        return out;
    }

    /** Single-column foreign keys to learner(id), and one level further down (to those tables' ids). */
    static List<Reference> references(Connection c) throws SQLException {
        List<Reference> direct = foreignKeysTo(c, "learner");
        List<Reference> all = new ArrayList<>(direct);
        for (Reference r : direct) {
            for (Reference child : foreignKeysTo(c, r.table())) {
                if (!child.table().equals("learner") && all.stream().noneMatch(a -> a.table().equals(child.table()))) {
                    all.add(new Reference(child.table(), child.column(), r.table(), child.parentKey(), r.column()));
                }
            }
        }
        return all;
    }

    private static List<Reference> foreignKeysTo(Connection c, String table) throws SQLException {
        List<Reference> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select cl.relname, a.attname, pa.attname
                  from pg_constraint con
                  join pg_attribute pa on pa.attrelid = con.confrelid and pa.attnum = con.confkey[1]
                  join pg_class cl on cl.oid = con.conrelid
                  join pg_namespace n on n.oid = cl.relnamespace
                  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
                 where con.contype = 'f' and array_length(con.conkey, 1) = 1
                   and con.confrelid = (select oid from pg_class
                                         where relname = ? and relnamespace = (select oid from pg_namespace
                                                                                where nspname = current_schema()))
                   and n.nspname = current_schema()
                 order by cl.relname, a.attname""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reference(rs.getString(1), rs.getString(2), table, rs.getString(3), null));
                }
            }
        }
        return out;
    }

    /** Tables keyed by platform ids: table → its id columns among user_id and chat_id (next to a platform column). */
    static Map<String, List<String>> platformKeyed(Connection c) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select k.table_name, k.column_name
                  from information_schema.columns k
                  join information_schema.columns p on p.table_schema = k.table_schema and p.table_name = k.table_name
                                                   and p.column_name = 'platform'
                  join information_schema.tables t on t.table_schema = k.table_schema and t.table_name = k.table_name
                                                  and t.table_type = 'BASE TABLE'
                 where k.table_schema = current_schema() and k.column_name in ('user_id', 'chat_id')
                 order by k.table_name, k.column_name""")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!NOT_PERSONAL.contains(rs.getString(1))) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> binaryColumns(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select column_name from information_schema.columns
                 where table_schema = current_schema() and table_name = ? and data_type = 'bytea'""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The where clause matching a learner's rows of a table (with its parameters, in order). */
    private record Match(String where, List<Object> params) {
    }

    private static Match match(List<Reference> refs, List<String> idColumns, long learnerId, List<Account> accounts) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Reference ref : refs == null ? List.<Reference>of() : refs) {
            if (ref.direct()) {
                parts.add("t." + quote(ref.column()) + " = ?");
            } else {
                parts.add("t." + quote(ref.column()) + " in (select p." + quote(ref.parentKey()) + " from "
                        + quote(ref.parentTable()) + " p where p." + quote(ref.parentLearnerColumn()) + " = ?)");
            }
            params.add(learnerId);
        }
        for (String column : idColumns == null ? List.<String>of() : idColumns) {
            for (Account a : accounts) {
                parts.add("(t.platform = ? and t." + quote(column) + " = ?)");
                params.add(a.platform());
                params.add(column.equals("chat_id") ? a.chatId() : a.userId());
                if (column.equals("chat_id") && !a.chatId().equals(a.userId())) {
                    parts.add("(t.platform = ? and t." + quote(column) + " = ?)");
                    params.add(a.platform());
                    params.add(a.userId());
                }
            }
        }
        return new Match(parts.isEmpty() ? "false" : String.join(" or ", parts), params);
    }

    private static Map<String, List<Reference>> byTable(List<Reference> refs) {
        Map<String, List<Reference>> out = new LinkedHashMap<>();
        refs.forEach(r -> out.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(r));
        return out;
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long l) {
                ps.setLong(i + 1, l);
            } else {
                ps.setString(i + 1, (String) p);
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    // ---------------------------------------------------------------- export

    /** Everything about the learner as a JSON document: their row, their accounts and their rows of every table. */
    private static final studybuddy.i18n.Messages ABOUT = new studybuddy.i18n.Messages("account");

    public static Export export(Connection c, long learnerId, Instant now) throws SQLException {
        List<Account> accounts = accounts(c, learnerId);
        ObjectNode root = JSON.createObjectNode();
        root.put("exported_at", now.toString());
        ObjectNode about = root.putObject("about");
        for (studybuddy.i18n.Lang lang : studybuddy.i18n.Lang.values()) {
            about.put(lang.code(), ABOUT.get(lang, "export.about"));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        ObjectNode tables = root.putObject("tables");
        Map<String, List<Reference>> refs = byTable(references(c));
        Map<String, List<String>> keyed = platformKeyed(c);
        List<String> names = new ArrayList<>();
        names.add("learner");
        refs.keySet().stream().filter(t -> !names.contains(t)).forEach(names::add);
        keyed.keySet().stream().filter(t -> !names.contains(t)).forEach(names::add);
        for (String table : names) {
            Match m = table.equals("learner") ? new Match("t.id = ?", List.of(learnerId))
                    : match(refs.get(table), keyed.get(table), learnerId, accounts);
            List<String> binary = binaryColumns(c, table);
            String strip = binary.isEmpty() ? "to_jsonb(t)"
                    : "to_jsonb(t) - array[" + String.join(", ", binary.stream().map(b -> "'" + b + "'").toList())
                    + "]::text[]";
            String sql = "select coalesce(jsonb_agg(" + strip + "), '[]'::jsonb)::text, count(*) from " + quote(table)
                    + " t where " + m.where();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, m.params());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int n = rs.getInt(2);
                    if (n > 0) {
                        tables.set(table, readTree(rs.getString(1)));
                        counts.put(table, n);
                    }
                }
            }
        }
        try {
            return new Export(JSON.writeValueAsBytes(root), counts, accounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An export: the JSON file and how many rows each table gave. */
    public record Export(byte[] json, Map<String, Integer> counts, List<Account> accounts) {
        public int count(String table) {
            return counts.getOrDefault(table, 0);
        }

        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- erase

    /**
     * Deletes every row about the learner, in the caller's transaction; returns how many rows went (cascades
     * included). Call it with the learner row locked.
     */
    public static int erase(Connection c, long learnerId) throws SQLException {
        List<Account> accounts = accounts(c, learnerId);
        int before = countRows(c, learnerId, accounts);
        // Group messages still in the outbox that mention them (a nudge naming the silent members).
        for (Account a : accounts) {
            try (PreparedStatement ps = c.prepareStatement(
                    "delete from outbox where platform = ? and strpos(body, ?) > 0")) {
                ps.setString(1, a.platform());
                ps.setString(2, "(user:" + a.userId() + ")");
                ps.executeUpdate();
            }
            // A group they set up stays the group's; who set it up is forgotten.
            try (PreparedStatement ps = c.prepareStatement(
                    "update study_group set created_by = '' where platform = ? and created_by = ?")) {
                ps.setString(1, a.platform());
                ps.setString(2, a.userId());
                ps.executeUpdate();
            }
        }
        for (Map.Entry<String, List<String>> e : platformKeyed(c).entrySet()) {
            if (e.getKey().equals("learner")) {
                continue;
            }
            Match m = match(null, e.getValue(), learnerId, accounts);
            try (PreparedStatement ps = c.prepareStatement("delete from " + quote(e.getKey()) + " t where " + m.where())) {
                bind(ps, m.params());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("delete from learner where id = ?")) {
            ps.setLong(1, learnerId);
            ps.executeUpdate();
        }
        return before;
    }

    private static int countRows(Connection c, long learnerId, List<Account> accounts) throws SQLException {
        int n = 1;
        Map<String, List<String>> keyed = platformKeyed(c);
        Map<String, List<Reference>> refs = byTable(references(c));
        Set<String> tables = new java.util.LinkedHashSet<>(refs.keySet());
        tables.addAll(keyed.keySet());
        tables.remove("learner");
        for (String table : tables) {
            Match m = match(refs.get(table), keyed.get(table), learnerId, accounts);
            try (PreparedStatement ps = c.prepareStatement("select count(*) from " + quote(table) + " t where " + m.where())) {
                bind(ps, m.params());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n += rs.getInt(1);
                }
            }
        }
        return n;
    }
}
