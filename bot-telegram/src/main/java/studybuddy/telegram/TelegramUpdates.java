package studybuddy.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.Update;
import studybuddy.command.InputText;
import studybuddy.i18n.Lang;
import studybuddy.inbox.IncomingUpdate;

/**
 * Telegram updates as they come off the wire (long polling or webhook), before anything reads them: every string
 * in the update (texts, first names, usernames, chat titles, callback data) loses its control characters here, the
 * one place both paths share; then the update becomes an inbox row keyed by its update_id.
 */
final class TelegramUpdates {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private TelegramUpdates() {
    }

    /** The update as an inbox row; empty when it has no update_id (it cannot be acknowledged or recognised). */
    static Optional<IncomingUpdate> incoming(JsonNode raw) {
        if (!(raw instanceof ObjectNode update) || !update.path("update_id").canConvertToLong()) {
            return Optional.empty();
        }
        clean(update);
        String key = Long.toString(update.get("update_id").asLong());
        String user = text(from(update).path("id"));
        String chat = chatId(update).orElse("0");
        try {
            return Optional.of(new IncomingUpdate(TelegramMessageSender.PLATFORM, key, user, chat,
                    JSON.writeValueAsString(update)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The update's id, when it has one. */
    static Optional<Long> updateId(JsonNode raw) {
        JsonNode id = raw == null ? null : raw.get("update_id");
        return id != null && id.canConvertToLong() ? Optional.of(id.asLong()) : Optional.empty();
    }

    /** Reads a stored payload back as the client library's update. */
    static Update read(String payload) throws JsonProcessingException {
        return JSON.readValue(payload, Update.class);
    }

    /** The chat an answer to this update goes to. */
    static Optional<String> chatId(JsonNode update) {
        for (String kind : new String[] {"message", "edited_message"}) {
            String chat = text(update.path(kind).path("chat").path("id"));
            if (chat != null) {
                return Optional.of(chat);
            }
        }
        JsonNode q = update.path("callback_query");
        if (!q.isMissingNode()) {
            String chat = text(q.path("message").path("chat").path("id"));
            return Optional.ofNullable(chat != null ? chat : text(q.path("from").path("id")));
        }
        // a quiz answer is answered in the voter's private chat, so it queues behind that chat's other updates
        return Optional.ofNullable(text(update.path("poll_answer").path("user").path("id")));
    }

    /** The sender's language as Telegram reports it. */
    static Lang lang(JsonNode update) {
        return Lang.fromLocaleTag(from(update).path("language_code").asText(""));
    }

    /** Whether the update is a private message, or a command or a button press (the bot answers only those). */
    static boolean expectsAnswer(JsonNode update, String botUsername) {
        if (update.has("callback_query")) {
            return update.path("callback_query").hasNonNull("data");
        }
        JsonNode m = update.path("message");
        String text = m.path("text").asText("");
        if (text.isBlank()) {
            return false;
        }
        String type = m.path("chat").path("type").asText("");
        if (type.equals("private")) {
            return true;
        }
        if (!type.equals("group") && !type.equals("supergroup")) {
            return false;
        }
        if (studybuddy.command.CommandLine.isCommand(text)) {
            String addressee = studybuddy.command.CommandLine.addressee(text);
            return addressee.isEmpty() || addressee.equalsIgnoreCase(botUsername);
        }
        JsonNode replied = m.path("reply_to_message").path("from");
        return replied.path("is_bot").asBoolean(false) && botUsername.equalsIgnoreCase(replied.path("username").asText());
    }

    private static JsonNode from(JsonNode update) {
        for (String kind : new String[] {"message", "edited_message", "callback_query"}) {
            JsonNode from = update.path(kind).path("from");
            if (!from.isMissingNode()) {
                return from;
            }
        }
        // a quiz answer names its voter as "user"
        return update.path("poll_answer").path("user");
    }

    private static String text(JsonNode node) {
        return node.isNumber() || node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** Removes control characters from every string value, in place. */
    static void clean(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (f.getValue().isTextual()) {
                    String cleaned = InputText.clean(f.getValue().asText());
                    if (!cleaned.equals(f.getValue().asText())) {
                        f.setValue(TextNode.valueOf(cleaned));
                    }
                } else {
                    clean(f.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(InputText.clean(array.get(i).asText())));
                } else {
                    clean(array.get(i));
                }
            }
        }
    }
}
