package studybuddy.testing;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studybuddy.storage.Database;

/** What PostgreSQL actually did for a statement: its analysed plan, and the most rows one step of it touched. */
public final class QueryPlans {
    private static final Pattern ROWS = Pattern.compile("(?:actual rows=|Rows Removed by Filter: )(\\d+)");

    private QueryPlans() {
    }

    /** {@code explain (analyze)} of the statement, run and rolled back. */
    public static String analyse(Database db, String sql) {
        return db.inTransaction(c -> {
            StringBuilder out = new StringBuilder();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("explain (analyze, costs off, timing off) " + sql)) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            return out.toString();
        });
    }

    /** The most rows any step returned or filtered out: about what the statement read. */
    public static long mostRowsRead(String plan) {
        long read = 0;
        Matcher m = ROWS.matcher(plan);
        while (m.find()) {
            read = Math.max(read, Long.parseLong(m.group(1)));
        }
        return read;
    }
}
