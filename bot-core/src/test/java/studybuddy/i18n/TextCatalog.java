package studybuddy.i18n;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Every message bundle on the classpath (i18n/*_en.properties), for tests over all user-facing texts. */
final class TextCatalog {
    private TextCatalog() {
    }

    /** Bundle names ("core", "learner", …), found in the compiled resources folder. */
    static List<String> bundles() {
        try {
            Path dir = Path.of(TextCatalog.class.getResource("/i18n/core_en.properties").toURI()).getParent();
            try (Stream<Path> files = Files.list(dir)) {
                return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("_en.properties"))
                        .map(n -> n.substring(0, n.length() - "_en.properties".length())).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Properties load(String bundle, Lang lang) {
        Properties p = new Properties();
        try (Reader in = new InputStreamReader(TextCatalog.class.getResourceAsStream(
                "/i18n/" + bundle + "_" + lang.code() + ".properties"), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Every message of every bundle in both languages. */
    static List<String> allMessages() {
        List<String> all = new ArrayList<>();
        for (String b : bundles()) {
            for (Lang lang : Lang.values()) {
                load(b, lang).values().forEach(v -> all.add(v.toString()));
            }
        }
        return all;
    }
}
