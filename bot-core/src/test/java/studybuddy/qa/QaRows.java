package studybuddy.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studybuddy.i18n.Lang;

/** A question set in the scorer's JSONL format, each row answered by the shared service. */
final class QaRows {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(JsonNode json, Answer answer) {
        String describe() {
            return json.path("id").asText() + " " + json.get("question").asText() + " -> " + answer.topic();
        }
    }

    private QaRows() {
    }

    static List<Row> answer(List<String> lines) throws IOException {
        QaService qa = QaService.shared();
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            Lang lang = Lang.parse(row.path("lang").asText(null)).orElse(null);
            rows.add(new Row(row, qa.answer(row.get("question").asText(), lang, Optional.empty())));
        }
        return rows;
    }
}
