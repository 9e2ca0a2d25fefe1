package studybuddy.review;

import java.util.List;
import studybuddy.i18n.Lang;
import studybuddy.roadmap.LocalizedText;

/**
 * One multiple-choice review question about a unit, in English and Chinese.
 *
 * @param id          stable id ("cs50-1.a"): answers are recorded under it
 * @param unitId      the roadmap unit it reviews
 * @param question    the question
 * @param optionsEn   the options in English
 * @param optionsZh   the same options, in the same order, in Chinese
 * @param answer      index of the right option
 * @param explanation one line shown after answering
 */
public record ReviewQuestion(String id, String unitId, LocalizedText question, List<String> optionsEn,
                             List<String> optionsZh, int answer, LocalizedText explanation) {
    public ReviewQuestion {
        optionsEn = List.copyOf(optionsEn);
        optionsZh = List.copyOf(optionsZh);
    }

    public List<String> options(Lang lang) {
        return lang == Lang.ZH ? optionsZh : optionsEn;
    }
}
