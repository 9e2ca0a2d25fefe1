package studybuddy.qa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import studybuddy.i18n.Lang;

/**
 * An in-memory Lucene index of the knowledge base. Every entry is indexed in both languages, each with its
 * own analyzer; a question is analysed with both and matched against both (BM25). Besides the best entries,
 * a search reports how much of the question the best entry explains, which the service turns into confidence.
 */
final class QaIndex implements AutoCloseable {

    /** Scored fields and their weights: titles and phrasings say what an entry is about, answers only hint. */
    private static final Map<String, Float> FIELD_BOOSTS = Map.of(
            "title", 2.0f, "phrasings", 1.5f, "keywords", 1.5f, "answer", 0.6f);
    /** Not scored: every text of an entry in one field, with term vectors, to tell which question terms it explains. */
    private static final String ALL = "all";
    private static final String ID = "id";
    /** More distinct terms than any real question has; keeps pasted essays well below Lucene's clause limit. */
    private static final int MAX_TERMS_PER_LANG = 40;

    /** How many top entries are compared for coverage, and how close to the best score they must be. */
    private static final int CANDIDATES = 3;
    private static final float RERANK_MIN_SHARE = 0.6f;

    /** A term in at least this share of entries is context, not topic (see {@link #coverage}). */
    static final double GENERIC_SHARE = 0.35;
    /**
     * Words for the act of learning rather than its subject ("course", "where to start", "resources", "入门", "课"):
     * context like the frequent terms above, whatever their frequency, so that "机器学习运维怎么入门,有推荐的课吗"
     * is about MLOps, not about the entry that happens to say "course" and "start" most.
     */
    private static final List<String> CONTEXT_WORDS = List.of("course", "courses", "start", "resources", "课程", "课", "入门",
            "开始", "资源", "资料");
    /**
     * Words for an aspect of learning anything rather than a roadmap subject: being weak or rusty, catching up, how long,
     * where to start, courses, books, jobs. Matching only these is not enough when the question names a subject the
     * knowledge base never mentions ("my Spanish is rusty", "蛋糕入门课程", "how long to cook rice").
     */
    private static final List<String> ASPECT_WORDS = List.of("weak", "rusty", "refresh", "brush up", "hard", "how long",
            "start", "course", "book", "resources", "scratch", "beginner", "expert", "job", "portfolio", "practical",
            "motivation", "difference", "switch", "skip", "summary", "steps", "薄弱", "生疏", "复习", "补充", "难", "多久",
            "开始", "入门", "课程", "书", "资源", "零基础", "专家", "求职", "作品集", "区别", "转行", "跳过", "灰心");
    /**
     * A term in at most this many entries is a specific name (a resource, a person, a technique): an entry that lacks
     * it cannot take the answer from the best-ranked entry that has it, however much filler it explains.
     */
    static final int RARE_DF = 2;
    /** Weight of such a context term in ranking. */
    private static final float GENERIC_BOOST = 0.3f;

    /**
     * Character bigrams of the Chinese texts ("_zb" fields) back up the SmartChinese words ("_zh"): they rank
     * with this weight, since each word also yields one or more bigrams.
     */
    static final float BIGRAM_WEIGHT = 0.5f;
    private static final String BIGRAMS = "zb";

    /** How a text is indexed and queried: field suffix, language of the text, analyzer, ranking weight. */
    private record View(String suffix, Lang lang, float weight) {
    }

    private static final List<View> VIEWS = List.of(
            new View("en", Lang.EN, 1f), new View("zh", Lang.ZH, 1f), new View(BIGRAMS, Lang.ZH, BIGRAM_WEIGHT));

    private static final FieldType ALL_TYPE = new FieldType();

    static {
        ALL_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        ALL_TYPE.setTokenized(true);
        ALL_TYPE.setStoreTermVectors(true);
        ALL_TYPE.freeze();
    }

    private final QaAnalyzers analyzers;
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<KnowledgeBase.Entry> entries;
    private final Map<String, java.util.Set<String>> genericTerms;
    /**
     * Per "all" field (en, zh), the analysed forms of the entries' name-like keywords (written with a capital letter,
     * a digit or a dot: "MLOps", "Karpathy", "CS50", "fast.ai", and "吴恩达" via "Andrew Ng"), each with the entries that
     * list it as a keyword. A name that at most {@link #RARE_DF} entries claim is what those entries are about, however
     * often other answers mention it in passing; a plain word ("book", "course", "job") is never a name.
     */
    private final Map<String, Map<String, java.util.Set<Integer>>> nameOwners = new java.util.HashMap<>();
    /** Per "all" field (en, zh), the analysed forms of {@link #ASPECT_WORDS}. */
    private final Map<String, java.util.Set<String>> aspectTerms = new java.util.HashMap<>();
    /** Bigrams of question words, memoised: questions repeat their vocabulary. Bounded by {@link #MAX_MEMO}. */
    private final Map<String, List<String>> bigramsOf = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_MEMO = 10_000;
    /**
     * Per "all" field, each entry's terms and each term's entry count, read once from the index: coverage looks them
     * up for every candidate of every question, and decoding term vectors and seeking the terms dictionary each time
     * was a quarter of a question's CPU.
     */
    private final Map<String, List<java.util.Set<String>>> termsOfEntry = new java.util.HashMap<>();
    private final Map<String, Map<String, Integer>> entriesWithTerm = new java.util.HashMap<>();
    /**
     * Per field, the terms' place in the index and statistics, looked up once per term (words no entry has included):
     * a question's query holds a term query per word, field and view (about a hundred), and seeking each in the terms
     * dictionary again for every question was a quarter of the Q&A's CPU. The index never changes after it is built.
     * Filled as questions come rather than at start-up, which a one-shot `ask` would pay in full.
     */
    private final Map<String, Map<String, TermStates>> termStates = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_TERM_MEMO = 50_000;

    QaIndex(KnowledgeBase knowledge, QaAnalyzers analyzers) {
        this.analyzers = analyzers;
        this.entries = knowledge.entries();
        Analyzer perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                if (fieldName.endsWith("_" + BIGRAMS)) {
                    return analyzers.bigrams();
                }
                return analyzers.of(fieldName.endsWith("_zh") ? Lang.ZH : Lang.EN);
            }
        };
        BM25Similarity similarity = new BM25Similarity();
        IndexWriterConfig config = new IndexWriterConfig(perField).setSimilarity(similarity);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < entries.size(); i++) {
                writer.addDocument(document(i, entries.get(i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the Q&A index", e);
        }
        try {
            this.reader = DirectoryReader.open(directory);
            for (View view : VIEWS) {
                String field = ALL + "_" + view.suffix();
                List<java.util.Set<String>> perEntry = new ArrayList<>();
                Map<String, Integer> df = new java.util.HashMap<>();
                for (int doc = 0; doc < reader.maxDoc(); doc++) {
                    java.util.Set<String> terms = new java.util.HashSet<>();
                    Terms vector = reader.termVectors().get(doc, field);
                    if (vector != null) {
                        TermsEnum it = vector.iterator();
                        for (BytesRef t = it.next(); t != null; t = it.next()) {
                            terms.add(t.utf8ToString());
                        }
                    }
                    terms.forEach(t -> df.merge(t, 1, Integer::sum));
                    perEntry.add(java.util.Set.copyOf(terms));
                }
                termsOfEntry.put(field, List.copyOf(perEntry));
                entriesWithTerm.put(field, Map.copyOf(df));
            }
            this.genericTerms = genericTerms(analyzers);
            for (Lang lang : Lang.values()) {
                java.util.Set<String> terms = new java.util.HashSet<>();
                for (String word : ASPECT_WORDS) {
                    if (lang == Lang.EN && word.codePoints().anyMatch(Character::isIdeographic)) {
                        continue;
                    }
                    terms.addAll(QaAnalyzers.terms(analyzers.of(lang), ALL + "_" + lang.code(), word));
                }
                aspectTerms.put(ALL + "_" + lang.code(), java.util.Set.copyOf(terms));
                String field = ALL + "_" + lang.code();
                Map<String, java.util.Set<Integer>> owners = new java.util.HashMap<>();
                for (int i = 0; i < entries.size(); i++) {
                    for (Lang written : Lang.values()) {
                        for (String k : entries.get(i).keywords().in(written)) {
                            if (k.chars().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '.')) {
                                for (String t : QaAnalyzers.terms(analyzers.of(lang), field, k)) {
                                    owners.computeIfAbsent(t, x -> new java.util.HashSet<>()).add(i);
                                }
                            }
                        }
                    }
                }
                owners.keySet().removeIf(t -> owners.get(t).size() > RARE_DF || aspectTerms.get(field).contains(t)
                        || generic(field, t));
                nameOwners.put(field, Map.copyOf(owners));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity);
        searcher.setQueryCache(null); // scored queries are never cached; the cache's bookkeeping is all it would cost
    }

    /** A term query that carries its term's statistics (see {@link #termStates}), looked up on a term's first use. */
    private TermQuery termQuery(String field, String term) {
        Term t = new Term(field, term);
        Map<String, TermStates> ofField = termStates.computeIfAbsent(field,
                f -> new java.util.concurrent.ConcurrentHashMap<>());
        TermStates states = ofField.get(term);
        if (states == null) {
            try {
                states = TermStates.build(searcher, t, true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (ofField.size() < MAX_TERM_MEMO) { // a flood of made-up words is looked up each time, not kept
                ofField.putIfAbsent(term, states);
            }
        }
        return new TermQuery(t, states);
    }

    private static Document document(int position, KnowledgeBase.Entry entry) {
        Document doc = new Document();
        doc.add(new StoredField(ID, position));
        for (View view : VIEWS) {
            Lang lang = view.lang();
            String suffix = "_" + view.suffix();
            List<String> all = new ArrayList<>();
            all.add(entry.title().in(lang));
            doc.add(new TextField("title" + suffix, entry.title().in(lang), Field.Store.NO));
            for (String p : entry.phrasings().in(lang)) {
                doc.add(new TextField("phrasings" + suffix, p, Field.Store.NO));
                all.add(p);
            }
            for (String k : entry.keywords().in(lang)) {
                doc.add(new TextField("keywords" + suffix, k, Field.Store.NO));
                all.add(k);
            }
            String answer = LIST_MARKERS.matcher(entry.answer().in(lang)).replaceAll(" ");
            doc.add(new TextField("answer" + suffix, answer, Field.Store.NO));
            all.add(answer);
            doc.add(new Field(ALL + suffix, String.join("\n", all), ALL_TYPE));
        }
        return doc;
    }

    /**
     * The numbers of an answer's own list ("1) CS basics … 2) classic ML"): not words of the answer, and a question's "2"
     * ("what are the 2 routes") would otherwise match every numbered list.
     */
    private static final GuardedPattern LIST_MARKERS = GuardedPattern.compile(
            "(?<![\\p{L}\\p{N}.,])\\d{1,2}[)）、](?!\\d)");

    /**
     * The best entry for a question and how well it covers the question.
     *
     * @param coverage     share (0–1) of the question's meaningful terms, weighted by rarity (IDF), found in the entry
     * @param matchedTerms how many distinct meaningful question terms the entry contains
     * @param margin       for the top hit its score over the runner-up's (∞ when alone); for a reranked hit, its score over the top's
     * @param offTopic     the entry matches only aspect words ("rusty", "course", "how long") while the question's subject
     *                     is a word the knowledge base never uses ("Spanish", "蛋糕"): the question is about something else
     * @param namedRare    how many matched terms are names this entry claims as keywords, with at most one other entry
     *                     ("MLOps", "Karpathy", "CS50"; see {@link #nameOwners})
     */
    record Match(KnowledgeBase.Entry entry, float score, double coverage, int matchedTerms, int questionTerms, double margin,
                 boolean offTopic, int namedRare) {
        Match withEntry(KnowledgeBase.Entry other) {
            return new Match(other, score, coverage, matchedTerms, questionTerms, margin, offTopic, namedRare);
        }

        /** The same match, judged in a message already about the roadmap: an aspect word ("how long?") is about it. */
        Match onRoadmap() {
            return new Match(entry, score, coverage, matchedTerms, questionTerms, margin, false, namedRare);
        }
    }

    /** The question as a Lucene query over every view, with the terms each view saw; null query when no terms. */
    private record Parsed(Query query, Map<String, List<String>> termsByView) {
    }

    /**
     * Up to {@code limit} entries in BM25 order, for "did you mean" offers: no confidence judgement here, so an entry
     * that shares only context words with the question is still listed.
     */
    List<KnowledgeBase.Entry> ranked(String question, int limit) {
        Parsed parsed = parse(question);
        if (parsed.query() == null) {
            return List.of();
        }
        try {
            List<KnowledgeBase.Entry> out = new ArrayList<>();
            for (ScoreDoc d : searcher.search(parsed.query(), limit).scoreDocs) {
                out.add(entries.get(searcher.storedFields().document(d.doc).getField(ID).numericValue().intValue()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Parsed parse(String question) {
        Map<String, List<String>> termsByView = new java.util.HashMap<>();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (View view : VIEWS) {
            String suffix = "_" + view.suffix();
            List<String> terms = QaAnalyzers.terms(analyzer(view), ALL + suffix, question);
            if (terms.size() > MAX_TERMS_PER_LANG) {
                terms = terms.subList(0, MAX_TERMS_PER_LANG);
            }
            termsByView.put(view.suffix(), terms);
            // Context words step back only when the question also says something more specific.
            boolean specific = terms.stream().anyMatch(t -> !generic(ALL + suffix, t));
            for (String term : terms) {
                List<Query> perField = new ArrayList<>();
                FIELD_BOOSTS.forEach((field, boost) ->
                        perField.add(new BoostQuery(termQuery(field + suffix, term), boost)));
                // A term counts once per entry (its best field), with a little credit for matching more fields.
                Query clause = new DisjunctionMaxQuery(perField, 0.2f);
                if (specific && generic(ALL + suffix, term)) {
                    clause = new BoostQuery(clause, GENERIC_BOOST); // context words should not pick the topic
                }
                if (view.weight() != 1f) {
                    clause = new BoostQuery(clause, view.weight());
                }
                query.add(clause, BooleanClause.Occur.SHOULD);
                clauses++;
            }
        }
        return new Parsed(clauses == 0 ? null : query.build(), termsByView);
    }

    Optional<Match> search(String question) {
        Parsed parsed = parse(question);
        if (parsed.query() == null) {
            return Optional.empty();
        }
        Map<String, List<String>> termsByView = parsed.termsByView();
        try {
            TopDocs top = searcher.search(parsed.query(), CANDIDATES);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            // BM25 ranks by summed term weights; among the close runners-up, prefer the entry that explains
            // more of the question (one very frequent term can outweigh two that say what is asked).
            Match chosen = null;
            java.util.Set<String> topRare = null;
            for (ScoreDoc candidate : top.scoreDocs) {
                if (candidate.score < RERANK_MIN_SHARE * top.scoreDocs[0].score) {
                    break;
                }
                Coverage coverage = null;
                java.util.Set<String> rare = new java.util.HashSet<>();
                int position = searcher.storedFields().document(candidate.doc).getField(ID).numericValue().intValue();
                for (Lang lang : Lang.values()) {
                    Coverage c = coverage(candidate.doc, position, ALL + "_" + lang.code(), termsByView.get(lang.code()));
                    rare.addAll(c.rareMatched());
                    if (coverage == null || c.share() > coverage.share()
                            || (c.share() == coverage.share() && c.matched() > coverage.matched())) {
                        coverage = c;
                    }
                }
                if (topRare == null) {
                    topRare = rare;
                } else if (!rare.containsAll(topRare)) {
                    continue; // a specific name the top entry explains outweighs any amount of explained filler
                }
                if (chosen == null || coverage.share() > chosen.coverage() + 1e-9) {
                    double margin = top.scoreDocs.length > 1 && candidate == top.scoreDocs[0]
                            ? candidate.score / Math.max(1e-6, top.scoreDocs[1].score) : candidate.score / top.scoreDocs[0].score;
                    chosen = new Match(entries.get(position), candidate.score, coverage.share(), coverage.matched(), coverage.total(),
                            margin, coverage.aspectOnly() && coverage.unknownSubject(), coverage.namedRare());
                }
            }
            return Optional.of(chosen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param rareMatched    matched terms that are in at most {@link #RARE_DF} entries
     * @param aspectOnly     every matched term is an aspect word
     * @param unknownSubject the question has a word no entry contains, in either language
     */
    private record Coverage(double share, int matched, int total, java.util.Set<String> rareMatched, boolean aspectOnly,
                            boolean unknownSubject, int namedRare) {
    }

    private boolean generic(String field, String term) {
        return genericTerms.getOrDefault(field, java.util.Set.of()).contains(term);
    }

    /** Per "all" field, the terms in at least {@link #GENERIC_SHARE} of the entries; computed once. */
    private Map<String, java.util.Set<String>> genericTerms(QaAnalyzers analyzers) {
        Map<String, java.util.Set<String>> out = new java.util.HashMap<>();
        for (View view : VIEWS) {
            String field = ALL + "_" + view.suffix();
            Analyzer analyzer = view.suffix().equals(BIGRAMS) ? analyzers.bigrams() : analyzers.of(view.lang());
            java.util.Set<String> terms = new java.util.HashSet<>();
            for (String word : CONTEXT_WORDS) {
                if (view.lang() == Lang.EN && word.codePoints().anyMatch(Character::isIdeographic)) {
                    continue; // the English analyzer cuts Chinese into single characters
                }
                terms.addAll(QaAnalyzers.terms(analyzer, field, word));
            }
            entriesWithTerm.get(field).forEach((term, entries) -> {
                if (entries >= GENERIC_SHARE * reader.numDocs()) {
                    terms.add(term);
                }
            });
            out.put(field, java.util.Set.copyOf(terms));
        }
        return out;
    }

    /** IDF-weighted share of the question terms the document contains: rare unexplained words weigh most. */
    private Coverage coverage(int doc, int position, String field, List<String> terms) throws IOException {
        if (terms.isEmpty()) {
            return new Coverage(0, 0, 0, java.util.Set.of(), false, false, 0);
        }
        java.util.Set<String> docTerms = termsOfEntry.get(field).get(doc);
        // Chinese words the entry lacks as words may still be in it, cut differently: look for all their bigrams.
        java.util.Set<String> docBigrams = field.endsWith("_zh") ? termsOfEntry.get(ALL + "_" + BIGRAMS).get(doc) : null;
        int n = reader.numDocs();
        boolean specific = terms.stream().anyMatch(t -> !generic(field, t));
        double all = 0;
        double found = 0;
        int matched = 0;
        java.util.Set<String> rare = new java.util.HashSet<>();
        java.util.Set<String> aspects = aspectTerms.getOrDefault(field, java.util.Set.of());
        Map<String, java.util.Set<Integer>> names = nameOwners.getOrDefault(field, Map.of());
        int named = 0;
        boolean aspectOnly = true;
        boolean unknown = false;
        for (String term : terms) {
            int df = docFreq(field, term);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)); // BM25's IDF, as Lucene computes it
            all += idf;
            if (docTerms.contains(term) || hasAllBigrams(docBigrams, term)) {
                found += idf;
                matched++;
                if (df > 0 && df <= RARE_DF) {
                    rare.add(term);
                }
                if (names.getOrDefault(term, java.util.Set.of()).contains(position)) {
                    named++;
                }
                aspectOnly &= aspects.contains(term);
            } else if (df == 0 && unknownWord(term)) {
                unknown = true;
            } else if (specific && generic(field, term)) {
                // A word most entries share ("MLE", "learn", "roadmap") sets the context, not the topic: it does not
                // count against an entry that lacks it, nor as a match for it.
                found += idf;
            }
        }
        return new Coverage(all == 0 ? 0 : found / all, matched, terms.size(), rare, matched > 0 && aspectOnly, unknown, named);
    }

    /**
     * A content word of the question that no entry contains in either language, nor (for Chinese) as bigrams:
     * a subject the roadmap does not cover. Single characters, numbers and Chinese cut into characters by the
     * English analyzer say too little to count.
     */
    private boolean unknownWord(String term) throws IOException {
        boolean cjk = term.codePoints().anyMatch(Character::isIdeographic);
        if (cjk ? term.length() < 2 : term.length() < 3 || !term.chars().allMatch(Character::isLetter)) {
            return false;
        }
        for (Lang lang : Lang.values()) {
            if (docFreq(ALL + "_" + lang.code(), term) > 0) {
                return false;
            }
        }
        if (cjk) {
            List<String> grams = bigramsOf.computeIfAbsent(term, w -> QaAnalyzers.terms(analyzers.bigrams(), ALL + "_" + BIGRAMS, w));
            return grams.isEmpty() || grams.stream().anyMatch(g -> docFreq(ALL + "_" + BIGRAMS, g) == 0);
        }
        return true;
    }

    /** How many entries have the term in this "all" field. */
    private int docFreq(String field, String term) {
        return entriesWithTerm.get(field).getOrDefault(term, 0);
    }

    private boolean hasAllBigrams(java.util.Set<String> docBigrams, String word) {
        if (docBigrams == null || word.length() < 2) {
            return false;
        }
        if (bigramsOf.size() > MAX_MEMO) {
            bigramsOf.clear();
        }
        List<String> grams = bigramsOf.computeIfAbsent(word,
                w -> QaAnalyzers.terms(analyzers.bigrams(), ALL + "_" + BIGRAMS, w));
        if (grams.isEmpty()) {
            return false;
        }
        for (String g : grams) {
            if (!docBigrams.contains(g)) {
                return false;
            }
        }
        return true;
    }

    private Analyzer analyzer(View view) {
        return view.suffix().equals(BIGRAMS) ? analyzers.bigrams() : analyzers.of(view.lang());
    }

    /** The question's terms as each analyzer sees them; for diagnostics and tests. */
    List<String> bigrams(String text) {
        return QaAnalyzers.terms(analyzers.bigrams(), ALL + "_" + BIGRAMS, text);
    }

    List<String> terms(Lang lang, String text) {
        return QaAnalyzers.terms(analyzers.of(lang), ALL + "_" + lang.code(), text);
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
