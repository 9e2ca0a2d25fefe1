package studybuddy.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import studybuddy.i18n.Lang;

/**
 * {@code ask}: answers roadmap questions from the command line, without a database.
 * {@code ask --jsonl} reads one JSON object per line ({@code {"question": "...", "lang": "en"}}, lang optional) and
 * prints one JSON line per input line, in order; {@code ask QUESTION...} prints one answer as text.
 */
public final class AskCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AskCli() {
    }

    /** @param args the arguments after the subcommand (a leading "ask" is tolerated) */
    public static int run(String[] args, InputStream in, PrintStream out) {
        List<String> rest = Arrays.asList(args);
        if (!rest.isEmpty() && rest.get(0).equals("ask")) {
            rest = rest.subList(1, rest.size());
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: ask --jsonl   < questions.jsonl   (one {\"question\": ..., \"lang\": \"en|zh\"} per line)");
            out.println("       ask QUESTION...");
            return 0;
        }
        try (QaService qa = new QaService()) {
            if (rest.contains("--jsonl")) {
                return jsonl(qa, in, out);
            }
            if (rest.isEmpty()) {
                out.println("usage: ask --jsonl | ask QUESTION...");
                return 2;
            }
            out.println(qa.answer(String.join(" ", rest), null, Optional.empty()).text());
            return 0;
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int jsonl(QaService qa, InputStream in, PrintStream out) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            out.println(JSON.writeValueAsString(answerLine(qa, line)));
            out.flush();
        }
        return 0;
    }

    /** One input line to one output object; a bad line yields an error object so the stream stays in step. */
    static ObjectNode answerLine(QaService qa, String line) {
        ObjectNode result = JSON.createObjectNode();
        try {
            JsonNode request = JSON.readTree(line);
            JsonNode question = request == null ? null : request.get("question");
            if (question == null || !question.isTextual()) {
                return error(result, "expected an object with a \"question\" string");
            }
            JsonNode langNode = request.get("lang");
            Lang lang = langNode != null && langNode.isTextual() ? Lang.parse(langNode.asText()).orElse(null) : null;
            Answer answer = qa.answer(question.asText(), lang, Optional.empty());
            result.put("answer", answer.text());
            result.put("confident", answer.confident());
            result.put("topic", answer.topic());
            result.put("score", Math.round(answer.score() * 1000) / 1000.0);
            result.put("lang", answer.lang().code());
            if (!answer.suggestions().isEmpty()) {
                var suggestions = result.putArray("suggestions");
                for (Answer.Suggestion s : answer.suggestions()) {
                    suggestions.addObject().put("id", s.id()).put("title", s.title()).put("answer", s.answer());
                }
            }
            if (!answer.startOptions().isEmpty()) {
                answer.startOptions().forEach(result.putObject("start")::put);
            }
            return result;
        } catch (IOException | RuntimeException e) {
            return error(result, e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
    }

    private static ObjectNode error(ObjectNode result, String message) {
        result.removeAll();
        result.put("error", message);
        result.put("answer", "");
        result.put("confident", false);
        return result;
    }
}
