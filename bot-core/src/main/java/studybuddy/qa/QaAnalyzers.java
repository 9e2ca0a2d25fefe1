package studybuddy.qa;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import studybuddy.i18n.Lang;

/**
 * The analyzers of the Q&A index, one per language, used both for indexing and for questions.
 * Chain: tokenize → lowercase → stem → synonyms (each line mapped to one canonical term) → stop words.
 * Synonyms come after stemming so that one line covers plurals and inflections; stop words come last
 * so that a synonym line may contain them. The stop lists include question filler ("how", "should",
 * "什么", "应该"), which would otherwise count as matched words and inflate the confidence.
 */
final class QaAnalyzers {

    private static final List<String> EN_STOP = List.of(
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not",
            "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was",
            "will", "with", "i", "im", "i'm", "me", "my", "mine", "myself", "you", "your", "yours", "we", "our", "us",
            "he", "she", "him", "her", "his", "its", "them", "what", "whats", "what's", "which", "who", "whom", "whose",
            "when", "where", "why", "how", "do", "does", "did", "doing", "done", "have", "has", "had", "having", "can",
            "could", "should", "would", "shall", "may", "might", "must", "am", "been", "being", "were", "so", "than",
            "too", "very", "just", "really", "actually", "also", "about", "any", "some", "all", "much", "more", "most",
            "get", "got", "go", "going", "want", "need", "needs", "needed", "like", "please", "tell", "know", "good",
            "best", "better", "thing", "things", "way", "ways", "kind", "sort", "type", "one", "ones", "someone",
            "something", "anything", "everything", "everyone", "lot", "lots", "ok", "okay", "hi", "hello", "hey", "thanks", "thank", "there's",
            "it's", "don't", "dont", "i've", "ive", "i'd", "id", "yes", "here", "from", "up", "out", "over", "again",
            "own", "same", "only", "both", "each", "few", "while", "after", "before", "once",
            "recommend", "recommended", "suggest", "suggestion", "use", "using", "make", "become", "becoming", "take",
            "learn", "learning", "study", "studying", "right", "away", "already", "still", "yet", "even", "well",
            "anyone", "people", "person", "guy", "somebody", "exactly", "until", "ready", "choice", "choose", "option",
            "options", "pick", "important", "find", "idea", "ideas", "advice", "tips", "tip", "help", "helps", "think",
            "say", "says", "said", "tell", "give", "show", "let", "put", "look", "looking", "see", "try", "trying",
            "many", "often", "every", "currently", "possible", "possibly", "probably", "maybe", "perhaps", "guess",
            "okay", "question", "questions", "wonder", "wondering", "curious", "interested", "hope", "plan", "planning",
            "able", "necessary", "necessarily", "required", "require", "requires", "worth", "into", "onto",
            "towards", "toward", "through", "without", "within", "via", "per", "around", "near", "someone's",
            "main", "care", "isn't", "aren't", "doesn't", "didn't", "can't", "won't", "wasn't", "shouldn't", "wouldn't",
            "s", "t", "d", "m", "ll", "re", "ve", "nutshell", "matter", "matters", "bother", "deal", "dealing", "fine", "stuff", "folks", "wanna",
            "gonna", "kinda", "sorta", "honestly", "anyway", "btw", "quick", "quickly", "brief", "briefly", "according",
            "actual", "real", "truly", "total", "totally", "whole", "entire", "seem", "seems", "home", "basically", "generally", "usually", "themselves", "yourself", "ourselves", "himself", "herself", "one's", "they're", "you're", "we're",
            "come", "comes", "coming", "cover", "covers", "covered", "roughly", "approximately", "approx", "pretty", "fairly",
            "quite", "rather", "somewhat", "honest", "haven't", "hasn't", "hadn't", "meantime", "meanwhile",
            "you'd", "you'll", "i'll", "we'd", "we'll", "they'd", "they'll", "he'd", "she'd", "it'll", "that's",
            "let's", "here's", "how's", "where's", "who's", "explain", "clue",
            // chat filler and slang that says how, not what ("yo", "lol", "ngl", "pls"): unknown to every entry, it would
            // weigh as the rarest words of the message and dilute the words that do say what it is about
            "yo", "lol", "lmao", "lmfao", "rofl", "ngl", "tbh", "tbf", "fr", "rn", "pls", "plz", "idk", "imo", "imho",
            "bro", "bruh", "dude", "guys", "lowkey", "highkey", "literally", "nah", "yeah", "yep", "yea", "ya", "u", "ur",
            "gotta", "omg", "haha", "hahaha", "xd", "smh", "af", "tho", "though", "hmm", "um", "uh", "cuz", "coz", "bc",
            "wtf", "damn", "legit", "iirc", "afaik", "fwiw", "y'all", "yall", "sir", "ma'am", "mate", "fam",
            "kindly", "bestie", "besties", "bff", "sis", "nocap", "cap", "lowkey", "deadass", "periodt", "slay",
            // who the question is for is context, not topic ("my cousin's new job", "a friend asked me")
            "cousin", "friend", "friends", "sister", "brother", "wife", "husband", "boyfriend", "girlfriend", "son",
            "daughter", "uncle", "aunt", "roommate", "neighbour", "neighbor");

    private static final List<String> ZH_STOP = List.of(
            "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "的", "了", "吗", "呢", "吧", "啊", "呀", "嘛", "么",
            "是", "有", "在", "要", "想", "什么", "怎么", "怎样", "怎么样", "如何", "哪些", "哪个", "哪", "哪里", "为什么",
            "应该", "可以", "能", "能够", "会", "还", "和", "或", "或者", "与", "及", "一个", "一", "个", "这", "那", "这个",
            "那个", "都", "就", "也", "很", "对", "让", "给", "把", "被", "真的", "到底", "请问", "请", "帮", "帮我", "一下",
            "需要", "学", "学习", "推荐", "建议", "好", "比较", "最", "更", "多", "些", "一些", "有没有", "没有", "不", "吗?",
            "成为", "做", "用", "已经", "之前", "之后", "时候", "东西", "如果", "但是", "而且", "所以", "因为", "自己", "得",
            "着", "过", "地", "们", "里", "上", "下", "中", "从", "到", "先", "再", "该", "作为", "成", "知识", "放", "能不能",
            "是不是", "要不要", "还是", "吗?", "啥", "咋", "咋办", "怎么办", "有关", "关于", "相关", "方面", "一点", "知道", "告诉",
            "觉得", "认为", "听说", "现在", "目前", "打算", "准备好", "值得", "必要", "必须", "重要", "真正", "其实", "大概",
            "大约", "左右", "比较好", "合适", "适合", "选择", "选", "找", "看", "问", "问题", "请教", "各位", "大家", "容易", "更", "被",
            "干啥", "干嘛", "才", "才能", "拿", "当", "挺", "还能", "的话", "感觉", "主要", "一下子", "好像", "究竟",
            "往", "条", "还要", "讲", "讲讲", "讲些", "介绍", "介绍一下", "值不值", "值不值得", "些",
            "干什么", "门", "这门", "整个", "下来", "走下来", "走完", "走", "来",
            "具体", "事情", "这块", "这一块", "那块", "为了", "去", "就学", "起来", "名", "一名",
            // "by" ("按小时算", "按照文章"): how something is reckoned, never what it is about
            "按", "按照",
            // chat filler: laughter, thanks, forms of address, "urgent" ("哈哈", "求问", "在线等", "大佬们")
            "哈哈", "哈哈哈", "呜呜", "呜呜呜", "啦", "哇", "嘿", "诶", "额", "嗯", "hhh", "求问", "求助", "在线等", "急",
            "谢谢", "感谢", "多谢", "大佬", "大佬们", "老哥", "老哥们", "兄弟", "兄弟们", "姐妹们", "宝子们", "家人们",
            "说实话", "讲真", "楼主", "本楼主", "救命", "好家伙", "离谱", "真心", "真心求问", "蹲", "蹲一个", "坐标");

    /**
     * Characters that glue words together ("的", "吗", "我") rather than carry a topic: a bigram containing one
     * ("习的", "吗?", "我在") is an artefact of the sliding window, not a word.
     */
    private static final String FUNCTION_CHARS = "的了吗呢吧啊呀嘛么我你您他她它是在和或与及这那都很把被让给就也还又";

    private final Analyzer english;
    private final Analyzer chinese;
    private final Analyzer bigrams;

    QaAnalyzers() {
        SynonymMap enSynonyms = synonyms("qa/synonyms-en.txt", QaAnalyzers::englishStemmer);
        SynonymMap zhSynonyms = synonyms("qa/synonyms-zh.txt", QaAnalyzers::chineseStemmer);
        NormalizeCharMap zhSpellings = chineseSpellings("qa/synonyms-zh.txt");
        CharArraySet enStops = stemmed(EN_STOP, englishStemmer());
        CharArraySet zhStops = stemmed(ZH_STOP, chineseStemmer());
        zhStops.addAll(SmartChineseAnalyzer.getDefaultStopSet()); // punctuation tokens
        zhStops.addAll(enStops); // Chinese questions often mix in English words
        this.english = withSynonymsAndStops(QaAnalyzers::englishChain, enSynonyms, enStops, null);
        this.chinese = withSynonymsAndStops(QaAnalyzers::chineseChain, zhSynonyms, zhStops, zhSpellings);
        CharArraySet bigramStops = new CharArraySet(ZH_STOP.size(), false);
        ZH_STOP.stream().filter(w -> w.length() == 2).forEach(bigramStops::add);
        this.bigrams = bigramAnalyzer(zhSpellings, bigramStops);
    }

    Analyzer of(Lang lang) {
        return lang == Lang.ZH ? chinese : english;
    }

    /**
     * Overlapping CJK character bigrams ("深度学习" → 深度, 度学, 学习), after the same synonym spellings as the
     * Chinese analyzer. SmartChinese sometimes cuts a phrase across word boundaries ("一上来就学深度学习" →
     * 上来/就学/深度); bigrams match such text whatever the segmentation. Only bigrams are kept: Latin words are
     * left to the word fields, single characters say too little.
     */
    Analyzer bigrams() {
        return bigrams;
    }

    /** The distinct terms a text analyses to, in order of first appearance. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (term.length() > 0) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(out);
    }

    /**
     * Drops tokens with no letter or digit (emoji, punctuation, joiners): they carry no topic but would count as
     * unexplained words. Leaves no position gap, so "fast.ai" still reads as two adjacent words for synonyms.
     */
    private static final class WordsOnlyFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        WordsOnlyFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (hasWordChar()) {
                    return true;
                }
            }
            return false;
        }

        private boolean hasWordChar() {
            for (int i = 0; i < term.length(); ) {
                int cp = Character.codePointAt(term.buffer(), i, term.length());
                if (Character.isLetterOrDigit(cp)) {
                    return true;
                }
                i += Character.charCount(cp);
            }
            return false;
        }
    }

    /** Tokenizer plus filters up to (and including) stemming, i.e. before synonyms and stop words. */
    private record Chain(Tokenizer source, TokenStream sink) {
    }

    private static Chain englishChain() {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new WordsOnlyFilter(source);
        ts = new EnglishPossessiveFilter(ts);
        ts = new LowerCaseFilter(ts);
        ts = new PorterStemFilter(ts);
        return new Chain(source, ts);
    }

    private static Chain chineseChain() {
        Tokenizer source = new HMMChineseTokenizer();
        TokenStream ts = new WordsOnlyFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new PorterStemFilter(ts);
        return new Chain(source, ts);
    }

    private static Analyzer englishStemmer() {
        return stemmer(QaAnalyzers::englishChain);
    }

    private static Analyzer chineseStemmer() {
        return stemmer(QaAnalyzers::chineseChain);
    }

    private static Analyzer stemmer(Supplier<Chain> chain) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Chain c = chain.get();
                return new TokenStreamComponents(c.source(), c.sink());
            }
        };
    }

    private static Analyzer withSynonymsAndStops(Supplier<Chain> chain, SynonymMap synonyms, CharArraySet stops,
                                                 NormalizeCharMap spellings) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return spellings == null ? reader : new MappingCharFilter(spellings, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Chain c = chain.get();
                TokenStream ts = new SynonymGraphFilter(c.sink(), synonyms, true);
                // Index-time graphs must be flattened; for a bag of query terms flattening is harmless.
                ts = new FlattenGraphFilter(ts);
                ts = new StopFilter(ts, stops);
                return new TokenStreamComponents(c.source(), ts);
            }
        };
    }

    private static Analyzer bigramAnalyzer(NormalizeCharMap spellings, CharArraySet stops) {
        return new Analyzer() {
            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new MappingCharFilter(spellings, reader);
            }

            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new WordsOnlyFilter(source);
                ts = new LowerCaseFilter(ts);
                ts = new CJKBigramFilter(ts);
                ts = new FilteringTokenFilter(ts) {
                    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
                    private final TypeAttribute type = addAttribute(TypeAttribute.class);

                    @Override
                    protected boolean accept() {
                        if (!CJKBigramFilter.DOUBLE_TYPE.equals(type.type())) {
                            return false;
                        }
                        for (int i = 0; i < term.length(); i++) {
                            if (FUNCTION_CHARS.indexOf(term.charAt(i)) >= 0) {
                                return false;
                            }
                        }
                        return true;
                    }
                };
                ts = new StopFilter(ts, stops);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /**
     * The Chinese synonym lines as string replacements (each spelling → the line's first word), applied to the text
     * before segmentation: a token-level synonym only matches when SmartChinese cuts the phrase the same way, a
     * spelling matches wherever it occurs. Only spellings of two or more CJK characters are used, so that a short Latin
     * spelling ("ng", "js") never rewrites the inside of an English word, nor a single character the inside of a
     * longer Chinese one.
     */
    private static NormalizeCharMap chineseSpellings(String resource) {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        Set<String> seen = new java.util.HashSet<>();
        for (String line : resourceLines(resource)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.contains("=>")) {
                continue;
            }
            String[] words = trimmed.split(",");
            String canonical = words[0].strip();
            String replacement = allCjk(canonical) ? canonical : " " + canonical + " ";
            for (String w : words) {
                String word = w.strip();
                if (word.length() >= 2 && allCjk(word) && seen.add(word)) {
                    map.add(word, replacement);
                }
            }
        }
        return map.build();
    }

    private static boolean allCjk(String word) {
        return !word.isEmpty() && word.codePoints().allMatch(cp ->
                Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    private static List<String> resourceLines(String resource) {
        try (InputStream in = QaAnalyzers.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    /** Stop words run through the same stemmer as the text, since the stop filter sees stemmed terms. */
    private static CharArraySet stemmed(List<String> words, Analyzer stemmer) {
        CharArraySet set = new CharArraySet(words.size() * 2, true);
        try (stemmer) {
            for (String w : words) {
                set.add(w);
                set.addAll(terms(stemmer, "", w));
            }
        }
        return set;
    }

    private static SynonymMap synonyms(String resource, Supplier<Analyzer> stemmer) {
        try (InputStream in = QaAnalyzers.class.getClassLoader().getResourceAsStream(resource);
             Analyzer analyzer = stemmer.get()) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            // expand=false: every word of a line maps to the line's first word, one canonical term per idea.
            SolrSynonymParser parser = new SolrSynonymParser(true, false, analyzer);
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                parser.parse(reader);
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Bad synonym file " + resource + ": " + e.getMessage(), e);
        }
    }
}
