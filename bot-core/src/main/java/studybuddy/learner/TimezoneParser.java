package studybuddy.learner;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a timezone the way people write it: an IANA name ("Europe/Berlin", any case), a city ("Berlin", "new york",
 * "上海"), or a UTC offset ("UTC+8", "+05:30", "GMT-3"). Offsets are accepted but do not follow daylight saving time,
 * which {@link Result#fixedOffset()} tells so the bot can say so.
 */
public final class TimezoneParser {
    public record Result(ZoneId zone, boolean fixedOffset) {
    }

    private static final Pattern OFFSET = Pattern.compile("(?i)^(?:utc|gmt)?\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?$");
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            BY_NAME.putIfAbsent(id.toLowerCase(Locale.ROOT), id);
            int slash = id.lastIndexOf('/');
            if (slash > 0 && Character.isUpperCase(id.charAt(0)) && !id.startsWith("Etc/") && !id.startsWith("SystemV/")) {
                String city = id.substring(slash + 1).replace('_', ' ').toLowerCase(Locale.ROOT);
                BY_NAME.putIfAbsent(city, id);
            }
        }
        // Cities people name that are not IANA zone names, and Chinese names.
        String[][] extra = {
                {"beijing", "Asia/Shanghai"}, {"peking", "Asia/Shanghai"}, {"guangzhou", "Asia/Shanghai"},
                {"shenzhen", "Asia/Shanghai"}, {"hangzhou", "Asia/Shanghai"}, {"chengdu", "Asia/Shanghai"},
                {"北京", "Asia/Shanghai"}, {"上海", "Asia/Shanghai"}, {"广州", "Asia/Shanghai"}, {"深圳", "Asia/Shanghai"},
                {"杭州", "Asia/Shanghai"}, {"成都", "Asia/Shanghai"}, {"中国", "Asia/Shanghai"}, {"香港", "Asia/Hong_Kong"},
                {"台北", "Asia/Taipei"}, {"东京", "Asia/Tokyo"}, {"首尔", "Asia/Seoul"}, {"新加坡", "Asia/Singapore"},
                {"伦敦", "Europe/London"}, {"柏林", "Europe/Berlin"}, {"巴黎", "Europe/Paris"}, {"纽约", "America/New_York"},
                {"旧金山", "America/Los_Angeles"}, {"洛杉矶", "America/Los_Angeles"}, {"悉尼", "Australia/Sydney"},
                {"san francisco", "America/Los_Angeles"}, {"seattle", "America/Los_Angeles"},
                {"boston", "America/New_York"}, {"washington", "America/New_York"}, {"miami", "America/New_York"},
                {"munich", "Europe/Berlin"}, {"münchen", "Europe/Berlin"}, {"hamburg", "Europe/Berlin"},
                {"frankfurt", "Europe/Berlin"}, {"zurich", "Europe/Zurich"}, {"bangalore", "Asia/Kolkata"},
                {"bengaluru", "Asia/Kolkata"}, {"mumbai", "Asia/Kolkata"}, {"delhi", "Asia/Kolkata"},
                {"new delhi", "Asia/Kolkata"}, {"beijing time", "Asia/Shanghai"}, {"utc", "UTC"}, {"gmt", "UTC"},
                {"z", "UTC"}, {"北京时间", "Asia/Shanghai"}, {"北京時間", "Asia/Shanghai"}, {"中国时间", "Asia/Shanghai"},
                {"东八区", "Asia/Shanghai"}, {"austin", "America/Chicago"}, {"dallas", "America/Chicago"},
                {"san jose", "America/Los_Angeles"}, {"montreal", "America/Toronto"}, {"osaka", "Asia/Tokyo"},
        };
        for (String[] e : extra) {
            BY_NAME.put(e[0], e[1]);
        }
    }

    private TimezoneParser() {
    }

    /** IANA zone names containing what was typed, for autocomplete (at most {@code max}). */
    public static java.util.List<String> suggest(String typed, int max) {
        String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
                .filter(z -> z.toLowerCase(Locale.ROOT).contains(t))
                .sorted().limit(max).toList();
    }

    public static Optional<Result> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        // Chinese keyboards type full-width signs and colons, and some text uses the real minus sign.
        String s = input.strip().replace('＋', '+').replace('－', '-').replace('−', '-').replace('：', ':');
        if (s.isEmpty() || s.length() > 64) {
            return Optional.empty();
        }
        Matcher m = OFFSET.matcher(s);
        if (m.matches()) {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            int sign = m.group(1).equals("-") ? -1 : 1;
            if (hours == 0 && minutes == 0) {
                // UTC+0 is UTC itself: no daylight saving to miss, and "UTC" reads better than "Z"
                return Optional.of(new Result(ZoneId.of("UTC"), false));
            }
            try {
                return Optional.of(new Result(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes), true));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        String id = BY_NAME.get(s.toLowerCase(Locale.ROOT).replace('_', ' '));
        if (id == null) {
            id = BY_NAME.get(s.toLowerCase(Locale.ROOT));
        }
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new Result(ZoneId.of(id), false));
    }
}
