package studybuddy.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import studybuddy.roadmap.LocalizedText;

/**
 * The article's own passages (the Chinese text as written, the English as a short index of its facts), each tied to
 * the roadmap stage it belongs to: the second tier of the Q&A, for what the article says that no topic holds.
 * Loaded from {@code qa/article.json}; each passage becomes a knowledge entry with id {@code article:<id>}.
 */
public record ArticlePassages(KnowledgeBase asKnowledge, Map<String, String> stageOf) {
    public static final String RESOURCE = "qa/article.json";
    public static final String ID_PREFIX = "article:";

    public ArticlePassages {
        stageOf = Map.copyOf(stageOf);
    }

    /** The roadmap stage id of a passage entry, empty for passages about the route as a whole. */
    public Optional<String> stage(String entryId) {
        return Optional.ofNullable(stageOf.get(entryId));
    }

    public static ArticlePassages load() {
        try (InputStream in = ArticlePassages.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<KnowledgeBase.Entry> entries = new ArrayList<>();
            Map<String, String> stages = new HashMap<>();
            for (JsonNode p : root.path("passages")) {
                String id = ID_PREFIX + p.path("id").asText();
                LocalizedText title = new LocalizedText(p.path("title").path("en").asText(), p.path("title").path("zh").asText());
                LocalizedText text = new LocalizedText(p.path("text").path("en").asText(), p.path("text").path("zh").asText());
                entries.add(new KnowledgeBase.Entry(id, List.of(), null, null, title, text, null, null, null));
                if (p.hasNonNull("stage")) {
                    stages.put(id, p.get("stage").asText());
                }
            }
            return new ArticlePassages(new KnowledgeBase(entries, List.of()), stages);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
