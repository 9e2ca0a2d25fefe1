package studybuddy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, from the machine's binaries (/usr/lib/postgresql/N/bin), that the test may
 * stop, restart or crash without disturbing the shared one. As root it runs as user postgres (runuser), like
 * .ci/run. Used by the fault tests and the benchmarks (which want fsync on).
 */
public final class LocalPostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final List<String> settings;
    private final boolean asPostgres;

    private LocalPostgres(Path bin, Path dir, int port, List<String> settings, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.settings = settings;
        this.asPostgres = asPostgres;
    }

    /** The newest PostgreSQL binaries on this machine, if any. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> {
                        String v = b.getParent().getFileName().toString();
                        return v.matches("\\d+") ? Integer.parseInt(v) : 0;
                    }));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates and starts a server; {@code settings} are extra "-c name=value" pairs (e.g. "fsync=on"). */
    public static LocalPostgres start(String... settings) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries in /usr/lib/postgresql"));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("study-buddy-pg");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            if (root) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            LocalPostgres pg = new LocalPostgres(bin, dir, port, List.of(settings), root);
            pg.exec(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"));
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public int port() {
        return port;
    }

    public Path bin() {
        return bin;
    }

    /** Starts the (stopped) server again on the same port and data. */
    public void start() {
        List<String> cmd = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "-o"));
        StringBuilder opts = new StringBuilder("-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                + " -c max_connections=200");
        for (String s : settings) {
            opts.append(" -c ").append(s);
        }
        cmd.add(opts.toString());
        cmd.add("start");
        exec(cmd);
    }

    /** A pool on this server, migrated to the bot's schema. */
    public studybuddy.storage.Database connect(int poolSize) {
        return studybuddy.storage.Database.connect(jdbcUrl(), "postgres", "", poolSize, null).migrated();
    }

    /** Stops the server at once, as in a crash (connections drop). */
    public void stop() {
        stop("immediate");
    }

    /** Starts the stopped server again (same port, same data). */
    public void restart() {
        start();
    }

    /** Stops the server: "fast" (a clean restart's first half) or "immediate" (a crash). */
    public void stop(String mode) {
        exec(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", mode, "-w", "stop"));
    }

    private void exec(List<String> cmd) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(cmd);
        run(full);
    }

    private static void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stop("immediate");
        } catch (RuntimeException ignored) {
            // already stopped
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
