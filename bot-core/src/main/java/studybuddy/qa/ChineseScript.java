package studybuddy.qa;

import com.ibm.icu.text.Transliterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Questions in traditional characters, or in written Cantonese, read as simplified Mandarin: the knowledge base, the
 * synonyms and the SmartChinese dictionaries are simplified ("讀大學值得嗎" is "读大学值得吗", "要幾耐" is "要多久").
 * The text a learner sees is untouched; only what the Q&A reads is converted.
 */
final class ChineseScript {
    /**
     * Written Cantonese that Mandarin says otherwise, longest first, replaced before the script is converted (so that
     * "係" is "是", while the simplified "系" of "数学系" stays a department).
     */
    private static final Map<String, String> CANTONESE = new LinkedHashMap<>();

    static {
        String[][] words = {
                {"係咪", "是不是"}, {"系咪", "是不是"}, {"得唔得", "行不行"}, {"點樣", "怎样"}, {"点样", "怎样"},
                {"點算", "怎么办"}, {"点算", "怎么办"}, {"點解", "为什么"}, {"点解", "为什么"}, {"幾耐", "多久"},
                {"几耐", "多久"}, {"乜嘢", "什么"}, {"咩嘢", "什么"}, {"邊個", "哪个"}, {"边个", "哪个"}, {"邊度", "哪里"},
                {"边度", "哪里"}, {"而家", "现在"}, {"鍾意", "喜欢"}, {"钟意", "喜欢"}, {"搵工", "找工作"}, {"係", "是"},
                {"唔", "不"}, {"咩", "什么"}, {"啲", "些"}, {"咗", "了"}, {"嘅", "的"}, {"冇", "没有"}, {"佢", "他"},
                {"搵", "找"}, {"揀", "选"}, {"拣", "选"}, {"識", "会"}, {"睇", "看"}, {"諗", "想"}, {"谂", "想"},
                {"推介", "推荐"}, {"成日", "整天"}, {"樽頸", "瓶颈"}, {"樽颈", "瓶颈"}};
        for (String[] w : words) {
            CANTONESE.put(w[0], w[1]);
        }
    }

    /**
     * Words Taiwan writes otherwise than the mainland, as they read once converted to simplified characters ("軟體工程"
     * is "软件工程", "資料" is data), longest first; only for text written in traditional characters.
     */
    private static final Map<String, String> TAIWAN = new LinkedHashMap<>();

    static {
        String[][] words = {
                {"程式设计", "编程"}, {"资料科学家", "数据科学家"}, {"资料科学", "数据科学"}, {"资料库", "数据库"}, {"资料集", "数据集"},
                {"软体", "软件"}, {"硬体", "硬件"}, {"演算法", "算法"}, {"程式", "程序"}, {"网路", "网络"}, {"影片", "视频"},
                {"专案", "项目"}, {"分散式", "分布式"}, {"介面", "界面"}, {"伺服器", "服务器"}, {"记忆体", "内存"},
                {"部落格", "博客"}, {"履历", "简历"}, {"资料", "数据"}};
        for (String[] w : words) {
            TAIWAN.put(w[0], w[1]);
        }
    }

    /**
     * Common characters that only traditional writing uses: one of them is enough to convert the whole text. (Loading
     * the converter costs about 0.4 s, so a text without any never loads it.)
     */
    static final String TRADITIONAL = "學習數將麼嗎還會這個們為後裡開發問題說語讀書課師經過機網絡電腦寫樣點幾對時間長見關處從來覺應該難"
            + "實現運動業務產專線資訊體導歷區級項選擇給確認識聽當條讓與並啟轉換職歲錢錄傳統計劃圖誰歡"
            + "麗壓擔憂贏輸舊邊觀質準備戶頭類較談論證據參價緊張醫療銀庫權衛層鍵盤紀總結規則養碼農鐘";

    private ChineseScript() {
    }

    /** The text as simplified Mandarin when it holds traditional characters or written Cantonese; else the text itself. */
    static String simplified(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean chinese = false;
        boolean traditional = false;
        for (int i = 0; i < text.length() && !traditional; i++) {
            char c = text.charAt(i);
            if (c >= '\u3400') {
                chinese = true;
                traditional = TRADITIONAL.indexOf(c) >= 0;
            }
        }
        if (!chinese) {
            return text;
        }
        // the words themselves are the test: a hand-kept list of their characters had drifted from them ("點樣" alone)
        String out = withWords(text, CANTONESE);
        if (!traditional) {
            return out;
        }
        String converted;
        synchronized (Converter.INSTANCE) { // a transliterator's thread safety is not documented: a rare path, kept safe
            converted = Converter.INSTANCE.transliterate(out);
        }
        return withWords(converted, TAIWAN);
    }

    /** The text with each word of the list replaced by its counterpart, in the list's order (longest first). */
    private static String withWords(String text, Map<String, String> words) {
        String out = text;
        for (Map.Entry<String, String> w : words.entrySet()) {
            if (out.contains(w.getKey())) {
                out = out.replace(w.getKey(), w.getValue());
            }
        }
        return out;
    }

    /** Loaded on the first traditional text only. */
    private static final class Converter {
        static final Transliterator INSTANCE = Transliterator.getInstance("Traditional-Simplified");
    }
}
