package studybuddy.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import studybuddy.i18n.Lang;

/**
 * The knowledge base's topics as unit-length sentence vectors, per language: one vector per text of a topic (its title,
 * phrasings and {@link TopicExamples}). Embedding them at start-up would cost seconds, so they are computed once by
 * {@code studybuddy.qa.TopicVectorsGenerator} (src/test) into {@value #RESOURCE}, with a fingerprint of the texts:
 * a knowledge base edited without regenerating is detected (a test fails; at run time the semantic rescue is off).
 */
final class TopicVectors {
    static final String RESOURCE = "qa/topic-vectors.json";

    private final Map<Lang, String> fingerprints;
    private final Map<Lang, Map<String, List<float[]>>> vectors;

    TopicVectors(Map<Lang, String> fingerprints, Map<Lang, Map<String, List<float[]>>> vectors) {
        this.fingerprints = Map.copyOf(fingerprints);
        this.vectors = Map.copyOf(vectors);
    }

    /** The texts of a topic that are embedded, in one language: title, phrasings, then questions asked about it. */
    static List<String> texts(KnowledgeBase.Entry entry, Lang lang) {
        List<String> texts = new ArrayList<>();
        texts.add(entry.title().in(lang));
        texts.addAll(entry.phrasings().in(lang));
        texts.addAll(TopicExamples.BUNDLED.of(entry.id(), lang));
        return texts;
    }

    /** A digest of every embedded text of the knowledge base in one language, in order. */
    static String fingerprint(KnowledgeBase knowledge, Lang lang) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (KnowledgeBase.Entry e : knowledge.entries()) {
                sha.update((e.id() + "\u0000").getBytes(StandardCharsets.UTF_8));
                for (String text : texts(e, lang)) {
                    sha.update((text + "\u0001").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when these vectors were computed from exactly this knowledge base's texts, in both languages. */
    boolean matches(KnowledgeBase knowledge) {
        for (Lang lang : Lang.values()) {
            if (!fingerprint(knowledge, lang).equals(fingerprints.get(lang))) {
                return false;
            }
        }
        return true;
    }

    String fingerprint(Lang lang) {
        return fingerprints.get(lang);
    }

    /** Per topic id, its texts' vectors in one language. */
    Map<String, List<float[]>> of(Lang lang) {
        return vectors.getOrDefault(lang, Map.of());
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }

    static String encode(float[] v) {
        ByteBuffer bytes = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            bytes.putFloat(x);
        }
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    static float[] decode(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[bytes.remaining() / Float.BYTES];
        for (int i = 0; i < v.length; i++) {
            v[i] = bytes.getFloat();
        }
        return v;
    }

    /** The bundled vectors, or empty ones (no rescue) when the resource is missing. */
    static TopicVectors load() {
        try (InputStream in = TopicVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return new TopicVectors(Map.of(), Map.of());
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<Lang, String> fingerprints = new EnumMap<>(Lang.class);
            Map<Lang, Map<String, List<float[]>>> vectors = new EnumMap<>(Lang.class);
            for (Lang lang : Lang.values()) {
                JsonNode node = root.path(lang.code());
                fingerprints.put(lang, node.path("fingerprint").asText(""));
                Map<String, List<float[]>> byTopic = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = node.path("topics").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> topic = it.next();
                    List<float[]> list = new ArrayList<>();
                    topic.getValue().forEach(v -> list.add(decode(v.asText())));
                    byTopic.put(topic.getKey(), List.copyOf(list));
                }
                vectors.put(lang, byTopic);
            }
            return new TopicVectors(fingerprints, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
