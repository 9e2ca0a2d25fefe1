package studybuddy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The core must stay platform-free: no JDA or telegrambots type in bot-core. */
class PlatformIndependenceTest {

    @Test
    void givenCoreSources_whenScanned_thenNoPlatformLibraryIsReferenced() throws IOException {
        // GIVEN every Java source of bot-core
        Path main = Path.of("src/main/java");
        assertThat(main).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            // WHEN we look for the platform libraries' packages
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    String src = Files.readString(p);
                    return src.contains("net.dv8tion") || src.contains("org.telegram");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
        // THEN none is used
        assertThat(offenders).as("bot-core files that use JDA or telegrambots").isEmpty();
    }

    @Test
    void givenCoreClasspath_whenPlatformTypesLoaded_thenTheyAreNotThere() {
        assertThatThrownBy(() -> Class.forName("net.dv8tion.jda.api.JDA")).isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.telegram.telegrambots.meta.api.objects.Update"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
