package studybuddy.i18n;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Dates with times as each language writes them: Chinese always on the 24-hour clock (never 上午12:36). */
public final class TimeFormats {
    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Lang.ZH.locale());
    private static final DateTimeFormatter EN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Lang.EN.locale());

    private TimeFormats() {
    }

    public static String dateTime(Lang lang, ZonedDateTime t) {
        return (lang == Lang.ZH ? ZH : EN).format(t);
    }
}
