package studybuddy.roadmap;

import studybuddy.i18n.Lang;

/** A text of the roadmap in both languages. */
public record LocalizedText(String en, String zh) {
    public String in(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }

    public boolean complete() {
        return en != null && !en.isBlank() && zh != null && !zh.isBlank();
    }
}
