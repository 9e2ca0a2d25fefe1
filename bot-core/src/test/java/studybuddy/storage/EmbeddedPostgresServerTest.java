package studybuddy.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes on one embedded data folder, and recovery after a crash, with real embedded servers in a
 * temporary folder (each test pays one initdb).
 */
class EmbeddedPostgresServerTest {
    @TempDir
    Path home;

    @Test
    void givenAServerRunning_whenASecondStartsOnTheFolder_thenItJoinsAndTheLastToCloseStopsIt() throws Exception {
        // GIVEN a first process's server
        Path data = home.resolve("pgdata");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data);
        // WHEN a second one starts on the same folder
        EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data);
        // THEN it joined the same server instead of failing
        assertThat(first.started()).isTrue();
        assertThat(second.started()).isFalse();
        assertThat(second.port()).isEqualTo(first.port());
        try (Connection c = DriverManager.getConnection(first.jdbcUrl("postgres"))) {
            // AND one closing while the other is connected leaves the server running for it
            second.close();
            assertThat(c.createStatement().executeQuery("select 1").next()).isTrue();
        }
        // AND the last one to close stops it
        first.close();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        assertThat(EmbeddedPostgresServer.answers(first.port())).isFalse();

        // GIVEN a postmaster.pid left behind by a server that is gone (a finished process's pid)
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(data.resolve("postmaster.pid"), gone.pid() + "\n" + data + "\n0\n5999\n");
        // WHEN started again
        EmbeddedPostgresServer third = EmbeddedPostgresServer.start(data);
        // THEN the stale file was cleared and a fresh server runs on the same rows
        try {
            assertThat(third.started()).isTrue();
            assertThat(EmbeddedPostgresServer.answers(third.port())).isTrue();
        } finally {
            third.close();
        }
    }

    @Test
    void givenAProcessKilledWithSigkill_whenStartedAgain_thenItJoinsTheOrphanServerAndStopsItWhenDone()
            throws Exception {
        // GIVEN another JVM that started the server and was killed with SIGKILL (its server keeps running)
        Path data = home.resolve("pgdata");
        Process crashed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedServerProcess.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        int port = readyPort(crashed);
        crashed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long orphan = EmbeddedPostgresServer.PostmasterPid.read(data).orElseThrow().pid();
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isPresent();
        // WHEN a new process starts on the folder
        long started = System.nanoTime();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("Recovered from a SIGKILLed owner in " + millis + " ms");
        // THEN it reuses the orphan instead of waiting for a second server that cannot start
        assertThat(server.started()).isFalse();
        assertThat(server.port()).isEqualTo(port);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"))) {
            assertThat(c.createStatement().executeQuery("select 1").next()).isTrue();
        }
        // AND, being the last one, stops it on close
        server.close();
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        assertThat(EmbeddedPostgresServer.answers(port)).isFalse();
    }

    private static int readyPort(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // keep the child's output pipe flowing
                        }
                    } catch (java.io.IOException ignored) {
                        // the child was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new AssertionError("the server process ended before it was ready: exit " + p.waitFor());
    }
}
