package studybuddy.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import studybuddy.platform.MessageSender;
import studybuddy.platform.OutgoingMessage;
import studybuddy.platform.SendResult;

/** A fake platform that records what it accepted, counting each text, with a scripted answer. */
final class RecordingSender implements MessageSender {
    record Delivery(String chatId, String text, Instant at) {
    }

    private final String platform;
    private final Clock clock;
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    volatile Function<OutgoingMessage, SendResult> answer = m -> new SendResult.Sent("ok");

    RecordingSender(String platform, Clock clock) {
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public String platform() {
        return platform;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        SendResult result = answer.apply(message);
        if (result instanceof SendResult.Sent) {
            deliveries.add(new Delivery(message.chatId(), message.reply().text(), clock.instant()));
            counts.computeIfAbsent(message.reply().text(), k -> new AtomicInteger()).incrementAndGet();
        }
        return result;
    }
}
