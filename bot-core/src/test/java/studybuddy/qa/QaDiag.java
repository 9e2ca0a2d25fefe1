package studybuddy.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import studybuddy.i18n.Lang;

/** Diagnostics, not a test: prints each question's best entry, coverage, matched terms, margin and analysed terms. */
public final class QaDiag {
    private QaDiag() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (QaService qa = new QaService()) {
            QaIndex index = qa.index();
            for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = json.readTree(line);
                String q = row.get("question").asText();
                Optional<QaIndex.Match> m = index.search(q);
                Answer a = qa.answer(q, Lang.parse(row.path("lang").asText(null)).orElse(null), Optional.empty());
                System.out.printf("%s %s [%s] %s%n   -> answer=%s search=%s conf=%s cov=%.2f matched=%d/%d margin=%.2f en=%s zh=%s zb=%s%n",
                        row.path("id").asText(), row.path("topic").asText(), a.confident() ? "OK" : "--", q, a.topic(),
                        m.map(x -> x.entry().id()).orElse("-"), a.confident(), m.map(QaIndex.Match::coverage).orElse(0.0),
                        m.map(QaIndex.Match::matchedTerms).orElse(0), m.map(QaIndex.Match::questionTerms).orElse(0),
                        m.map(QaIndex.Match::margin).orElse(0.0), index.terms(Lang.EN, q), index.terms(Lang.ZH, q), index.bigrams(q));
            }
        }
    }
}
