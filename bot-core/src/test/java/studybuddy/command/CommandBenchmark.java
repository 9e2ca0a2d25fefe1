package studybuddy.command;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import studybuddy.BotCore;
import studybuddy.i18n.Lang;
import studybuddy.storage.Database;
import studybuddy.testing.LocalPostgres;

/**
 * Benchmark (not a test): what one command costs on PostgreSQL with fsync on, in ratios to what the same server
 * does in the same run. On a PostgreSQL of its own (fsync on, pg_stat_statements loaded, autovacuum off so that
 * WAL counts are the commands' own, no checkpoint during the measurements), onboards learners through the
 * dispatcher, then prints
 * <ul>
 *   <li>per command: transactions, SQL statements and WAL bytes per command (pg_stat_database, pg_stat_statements,
 *       pg_current_wal_lsn), one caller;</li>
 *   <li>per command and for {@code SELECT 1}, a single-row UPDATE commit and {@code pgbench -N}: p50, p99 and
 *       throughput at 1, 8 and 32 callers, and the ratios the issue asks for.</li>
 * </ul>
 * Run (from the repository root):
 * <pre>
 * mvn -q -B -pl bot-core -am test-compile
 * mvn -q -B -pl bot-core dependency:build-classpath -Dmdep.outputFile=cp.txt
 * cd bot-core && java -cp target/classes:target/test-classes:$(cat cp.txt) studybuddy.command.CommandBenchmark [learners] [seconds]
 * </pre>
 */
public final class CommandBenchmark {
    private static final String SETUP =
            "/setup background=%s path=software hours=8 timezone=Europe/Berlin lang=%s day=mon time=09:00";
    private static final String[] BACKGROUNDS = {"developer", "scratch", "data-scientist", "quant-student"};
    private static final List<String> QUESTIONS = List.of("what is a transformer?", "how long does the roadmap take?",
            "什么是梯度下降？", "which math do I need?", "where do I start with deep learning?");

    private record Result(double p50, double p99, double perSecond) {
    }

    private interface Op {
        void run(int caller) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int learners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        try (LocalPostgres pg = LocalPostgres.start("fsync=on", "synchronous_commit=on",
                "shared_preload_libraries=pg_stat_statements", "autovacuum=off", "shared_buffers=256MB",
                "checkpoint_timeout=30min", "max_wal_size=4GB");
             Database db = Database.connect(pg.jdbcUrl(), "postgres", "", 10, null).migrated()) {
            System.out.printf("PostgreSQL of its own on port %d (fsync on), pool of 10 connections%n", pg.port());
            BotCore core = new BotCore(db, Clock.systemUTC());
            CommandDispatcher dispatcher = core.dispatcher();
            long t0 = System.nanoTime();
            parallel(8, learners, i -> dispatcher.handle(caller(i), String.format(SETUP,
                    BACKGROUNDS[i % BACKGROUNDS.length], i % 3 == 0 ? "zh" : "en")));
            System.out.printf("onboarded %,d learners through the dispatcher in %.1f s%n", learners,
                    (System.nanoTime() - t0) / 1e9);
            try (Connection admin = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("create extension if not exists pg_stat_statements");
                s.execute("vacuum analyze");
                s.execute("checkpoint"); // and none during the measurements (checkpoint_timeout 30 min)
                try (ResultSet rs = s.executeQuery("select count(*) from learner where onboarded_at is not null")) {
                    rs.next();
                    System.out.printf("%,d of them onboarded%n", rs.getLong(1));
                }
            }
            // what the commands answer (a command that failed would be measured as fast, and wrong)
            for (String line : List.of("/next", "/progress", "/roadmap", QUESTIONS.get(0))) {
                String text = dispatcher.handle(caller(1), line).map(Reply::text).orElse("(no reply)");
                System.out.printf("  %-24s -> %s%n", line, text.replace('\n', ' ').substring(0, Math.min(70, text.length())));
            }

            Map<String, Op> commands = new LinkedHashMap<>();
            commands.put("/next", c -> dispatcher.handle(caller(pick(learners)), "/next"));
            commands.put("/progress", c -> dispatcher.handle(caller(pick(learners)), "/progress"));
            // what sending it costs on top: the picture is drawn when the reply is sent, after the transaction
            commands.put("/progress+pic", c -> dispatcher.handle(caller(pick(learners)), "/progress")
                    .ifPresent(r -> r.attachments().forEach(Attachment::data)));
            commands.put("/roadmap", c -> dispatcher.handle(caller(pick(learners)), "/roadmap"));
            // /done may ask for a link to what was built, and a question that comes while that is asked first closes
            // the ask (a write): questions come from the half of the learners who never mark anything here, so that
            // the cell measures a question, as the per-command figures do
            commands.put("question", c -> dispatcher.handle(caller(learners / 2 + pick(learners / 2)),
                    QUESTIONS.get(ThreadLocalRandom.current().nextInt(QUESTIONS.size()))));
            commands.put("/done", c -> dispatcher.handle(caller(pick(learners / 2)), "/done"));
            Map<String, Op> baselines = new LinkedHashMap<>();
            // what a question costs without the database (the Q&A is CPU: on a busy machine it dominates)
            baselines.put("Q&A alone", c -> {
                String q = QUESTIONS.get(ThreadLocalRandom.current().nextInt(QUESTIONS.size()));
                core.qa().answer(q, Lang.detect(q) == Lang.ZH ? Lang.ZH : Lang.EN, java.util.Optional.of(
                        new studybuddy.qa.LearnerContext(studybuddy.roadmap.Background.DEVELOPER,
                                studybuddy.roadmap.LearningPath.SOFTWARE, 8)));
            });
            baselines.put("SELECT 1", c -> {
                try (Connection conn = db.connection(); Statement st = conn.createStatement();
                     ResultSet rs = st.executeQuery("select 1")) {
                    rs.next();
                }
            });
            baselines.put("UPDATE commit", c -> {
                try (Connection conn = db.connection();
                     PreparedStatement ps = conn.prepareStatement(
                             "update learner set updated_at = now() where user_id = ? and platform = 'telegram'")) {
                    ps.setString(1, "u" + pick(learners));
                    ps.executeUpdate();
                }
            });

            // ---- what one command costs the database ----
            System.out.println();
            System.out.println("per command (one caller, 300 runs each): transactions, transaction ids taken (writes),"
                    + " SQL statements, WAL bytes");
            Map<String, Op> all = new LinkedHashMap<>(baselines);
            all.putAll(commands);
            double reconnections = 0;
            for (Map.Entry<String, Op> e : all.entrySet()) {
                int runs = 300;
                for (int i = 0; i < 30; i++) {
                    e.getValue().run(0); // warm
                }
                vacuum(pg); // what earlier phases left to prune is not this command's WAL
                flushStats(db);
                long[] before = counters(pg);
                for (int i = 0; i < runs; i++) {
                    e.getValue().run(0);
                }
                flushStats(db);
                long[] after = counters(pg);
                // each reading is one transaction and takes one transaction id itself; the pool's new connections
                // (statistics are flushed by closing them) ask their isolation level once each, a transaction that is
                // no command's: the Q&A alone, which touches no database, shows what those add, and is taken off
                double transactions = (after[0] - before[0] - 1.0) / runs;
                if (e.getKey().equals("Q&A alone")) {
                    reconnections = transactions;
                }
                System.out.printf("  %-14s %5.2f transactions (%4.2f net of the pool's reconnections)  %5.2f xids"
                                + "  %5.2f statements  %7.1f WAL bytes%n", e.getKey(), transactions,
                        transactions - reconnections, (after[3] - before[3] - 1.0) / runs,
                        (double) (after[1] - before[1]) / runs, (double) (after[2] - before[2]) / runs);
            }

            try (Connection admin = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
                 Statement s = admin.createStatement();
                 ResultSet rs = s.executeQuery("""
                         select calls, round(mean_exec_time::numeric, 3), left(regexp_replace(query, '\\s+', ' ', 'g'), 90)
                           from pg_stat_statements where query not like '%pg_stat%' and calls >= 300
                          order by total_exec_time desc limit 10""")) {
                System.out.println("server time of the statements (pg_stat_statements: calls, mean ms, statement)");
                while (rs.next()) {
                    System.out.printf("  %7d  %7s  %s%n", rs.getLong(1), rs.getString(2), rs.getString(3));
                }
            }

            // ---- latency and throughput against the server's own figures ----
            try (Connection admin = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("create database pgbench");
            }
            run(pg, List.of(pg.bin().resolve("pgbench").toString(), "-i", "-s", "10", "-q", "-h", "127.0.0.1",
                    "-p", Integer.toString(pg.port()), "-U", "postgres", "pgbench"));
            // A bot runs for weeks: measure it compiled, as it runs then. Every command mixed, as a bot
            // interleaves them (a picture drawn between two questions changes what the JIT makes of both), on 8 callers,
            // until the mix's throughput stops rising: the JIT compiles for 30-50 s of load on two cores, and without
            // this the first cells measured the compiler at work (/done at 8 callers rose from 1 040 to 1 900/s over
            // the first minute of a loop of its own). Pictures take 13 ms each: 1 call in 20, or they would be the mix.
            Op picture = commands.get("/progress+pic");
            List<Op> mix = new ArrayList<>(commands.values());
            mix.remove(picture);
            double best = 0;
            int flat = 0;
            for (int round = 1; round <= 16 && (round <= 8 || flat < 2); round++) {
                double rate = measure(c -> {
                    int k = ThreadLocalRandom.current().nextInt(mix.size() * 20);
                    (k < mix.size() * 19 ? mix.get(k % mix.size()) : picture).run(c);
                }, 8, 5).perSecond();
                System.out.printf("warm-up round %d: every command mixed on 8 callers, %.0f/s%n", round, rate);
                flat = rate < best * 1.03 ? flat + 1 : 0;
                best = Math.max(best, rate);
            }
            // what the warm-up's /done calls left behind is pruned, as autovacuum would have (it is off, see above)
            vacuum(pg);
            try (Connection admin = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("checkpoint");
            }
            System.out.println();
            System.out.printf("latency and throughput (%d s per cell; p50/p99 in ms, throughput per second)%n", seconds);
            Map<Integer, Map<String, Result>> table = new LinkedHashMap<>();
            for (int callers : new int[] {1, 8, 32}) {
                Map<String, Result> row = new LinkedHashMap<>();
                for (Map.Entry<String, Op> e : all.entrySet()) {
                    row.put(e.getKey(), measure(e.getValue(), callers, seconds));
                    Result r = row.get(e.getKey());
                    System.out.printf("  %2d callers  %-14s p50 %7.2f  p99 %7.2f  %8.0f/s%n", callers, e.getKey(),
                            r.p50(), r.p99(), r.perSecond());
                }
                double tps = pgbench(pg, callers, seconds);
                row.put("pgbench -N", new Result(0, 0, tps));
                System.out.printf("  %2d callers  %-14s                      %8.0f/s%n", callers, "pgbench -N", tps);
                table.put(callers, row);
            }

            // ---- the ratios ----
            System.out.println();
            Map<String, Result> one = table.get(1);
            double update = one.get("UPDATE commit").p50();
            for (String c : commands.keySet()) {
                System.out.printf("1 caller: %-13s p50 = %.2f x one UPDATE commit, %.2f x SELECT 1%n", c,
                        one.get(c).p50() / update, one.get(c).p50() / one.get("SELECT 1").p50());
            }
            System.out.printf("1 caller: a question takes %.2f x the time of the Q&A alone (means; the Q&A's cost "
                    + "varies with the question and the learner's background)%n",
                    one.get("Q&A alone").perSecond() / one.get("question").perSecond());
            for (int callers : new int[] {8, 32}) {
                Map<String, Result> row = table.get(callers);
                double bench = row.get("pgbench -N").perSecond();
                for (String c : commands.keySet()) {
                    System.out.printf("%d callers: %-13s throughput = %.2f x pgbench -N%n", callers, c,
                            row.get(c).perSecond() / bench);
                }
            }
        }
        System.exit(0);
    }

    private static Caller caller(int i) {
        return new Caller("telegram", "u" + i, "u" + i, false, false, "Learner " + i, i % 3 == 0 ? Lang.ZH : Lang.EN);
    }

    private static int pick(int learners) {
        return ThreadLocalRandom.current().nextInt(learners);
    }

    /**
     * xact_commit + xact_rollback of the database, statements other than BEGIN/COMMIT, WAL position in bytes; read
     * in one statement (its own transaction shows in the next reading: the "- 1.0" above).
     */
    private static long[] counters(LocalPostgres pg) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select (select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'),
                            (select coalesce(sum(calls), 0) from pg_stat_statements
                              where upper(query) not in ('BEGIN', 'COMMIT', 'ROLLBACK')
                                and query not like '%pg_stat_statements%'),
                            pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
                            txid_current()""")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private static void vacuum(LocalPostgres pg) throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("vacuum");
        }
        Thread.sleep(200);
    }

    /** Backends flush their statistics when they end (idle ones only every 10 s): close the pool's connections. */
    private static void flushStats(Database db) throws InterruptedException {
        ((com.zaxxer.hikari.HikariDataSource) db.dataSource()).getHikariPoolMXBean().softEvictConnections();
        Thread.sleep(500);
    }

    private static final java.util.concurrent.atomic.AtomicLong FAILURES = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicReference<String> LAST_FAILURE =
            new java.util.concurrent.atomic.AtomicReference<>("");

    // A call that fails (the pool's wait ran out under load) is counted and timed like any other, not fatal.
    private static void runCounting(Op op, int caller) throws Exception {
        try {
            op.run(caller);
        } catch (RuntimeException e) {
            FAILURES.incrementAndGet();
            LAST_FAILURE.set(e.toString());
        }
    }

    private static Result measure(Op op, int callers, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long warmEnd = System.nanoTime() + 500_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            int caller = t;
            futures.add(pool.submit(() -> {
                long[] samples = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < warmEnd) {
                    runCounting(op, caller);
                }
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    runCounting(op, caller);
                    if (n == samples.length) {
                        samples = Arrays.copyOf(samples, n * 2);
                    }
                    samples[n++] = System.nanoTime() - s;
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long v : f.get()) {
                all.add(v);
            }
        }
        pool.shutdown();
        long failed = FAILURES.getAndSet(0);
        if (failed > 0) {
            // e.g. a pool wait longer than the connection timeout: the bot answers those with the outage notice
            System.out.printf("      (%,d of these calls failed: %s)%n", failed, LAST_FAILURE.get());
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        double measured = seconds - 0.5;
        return new Result(sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted.length / measured);
    }

    private static double pgbench(LocalPostgres pg, int clients, int seconds) throws Exception {
        String out = run(pg, List.of(pg.bin().resolve("pgbench").toString(), "-N", "-n", "-c",
                Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 4)), "-T",
                Integer.toString(seconds), "-h", "127.0.0.1", "-p", Integer.toString(pg.port()), "-U", "postgres",
                "pgbench"));
        for (String line : out.split("\n")) {
            if (line.startsWith("tps = ")) {
                return Double.parseDouble(line.substring(6).split(" ")[0]);
            }
        }
        throw new IllegalStateException("no tps in pgbench output: " + out);
    }

    private static String run(LocalPostgres pg, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out.toString();
    }

    private static void parallel(int threads, int count, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.accept(i);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }
}
