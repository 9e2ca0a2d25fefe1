package studybuddy.storage;

import java.nio.file.Path;

/** A separate process that starts (or joins) the embedded server on a folder and waits to be killed: a crash test. */
public final class EmbeddedServerProcess {
    private EmbeddedServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
        System.out.println("READY " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
