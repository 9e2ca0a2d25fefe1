package studybuddy.qa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Measures the Q&A in-process: index build time, and median and p99 time per answer over a few thousand
 * questions (mixed English/Chinese, in-scope and out-of-scope, with random word noise). Not a test: it has a
 * main method and a name surefire does not pick up. Run from the repository root:
 *
 * <pre>
 * mvn -q -B -pl bot-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp bot-core/target/test-classes:bot-core/target/classes:$(cat bot-core/target/cp.txt) studybuddy.qa.QaBenchmark [QUESTIONS]
 * </pre>
 */
public final class QaBenchmark {
    private static final String[] QUESTIONS = {
            "What does an ML engineer do all day?", "Do I need linear algebra?", "How long if I'm a developer?",
            "Which deep learning course is hands-on?", "How do I learn MLOps?", "Is a degree worth it?",
            "What's the weather tomorrow?", "Tell me a joke", "How many projects should my portfolio have?",
            "我已经是程序员了,转机器学习工程师需要多久?", "深度学习有哪些学习资源?", "推荐一家好吃的火锅店",
            "数学基础不好怎么办?", "怎么找实习?", "帮我写一首诗", "零基础要学多久?"};
    private static final String[] NOISE = {"really", "please", "maybe", "quickly", "today", "真的", "请问", "现在"};

    private QaBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        long start = System.nanoTime();
        QaService qa = new QaService();
        double buildMs = (System.nanoTime() - start) / 1e6;
        // A second build, with classes loaded and JIT warm, is what a restart inside a running JVM would cost.
        start = System.nanoTime();
        new QaService().close();
        double rebuildMs = (System.nanoTime() - start) / 1e6;

        Random random = new Random(42);
        // Half the questions come from the informal sets: situations, several questions in one, slang, "did you mean".
        List<String> informal = new ArrayList<>();
        for (String set : List.of("qa/qa-informal.jsonl", "qa/qa-informal-holdout.jsonl",
                "qa/qa-informal-holdout2.jsonl", "qa/qa-informal-holdout3.jsonl")) {
            try (var in = QaBenchmark.class.getClassLoader().getResourceAsStream(set)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList()) {
                    if (!line.isBlank()) {
                        informal.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("question").asText());
                    }
                }
            }
        }
        List<String> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            questions.add(i % 2 == 0 ? informal.get(random.nextInt(informal.size()))
                    : QUESTIONS[random.nextInt(QUESTIONS.length)] + " " + NOISE[random.nextInt(NOISE.length)]);
        }
        for (int i = 0; i < 2000; i++) { // warm-up
            qa.answer(questions.get(i % questions.size()), null, Optional.empty());
        }
        long[] nanos = new long[count];
        List<Long> en = new ArrayList<>();
        List<Long> zh = new ArrayList<>();
        int confident = 0;
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            Answer answer = qa.answer(questions.get(i), null, Optional.empty());
            nanos[i] = System.nanoTime() - t;
            confident += answer.confident() ? 1 : 0;
            (answer.lang() == studybuddy.i18n.Lang.ZH ? zh : en).add(nanos[i]);
        }
        Arrays.sort(nanos);
        en.sort(null);
        zh.sort(null);
        System.out.printf("median per language: en %.3f ms, zh %.3f ms%n", en.get(en.size() / 2) / 1e6, zh.get(zh.size() / 2) / 1e6);
        System.out.printf("start-up (cold JVM): %.1f ms = analyzers %.1f ms (SmartChinese dictionaries, synonyms) + index build %.1f ms%n",
                buildMs, qa.analyzersMillis(), qa.indexMillis());
        System.out.printf("second start-up (warm JVM): %.1f ms%n", rebuildMs);
        System.out.printf("answers: %d (%d confident), median %.3f ms, p99 %.3f ms, max %.3f ms%n", count, confident,
                nanos[count / 2] / 1e6, nanos[(int) (count * 0.99)] / 1e6, nanos[count - 1] / 1e6);
        // the longest message a platform lets through: a pattern that scans the rest of the message from every position
        // shows here first (one such look-ahead once took 3–4 s on these)
        for (String longest : List.of("i want to learn machine learning and maybe quit someday ".repeat(180),
                "我想学机器学习，也许以后会辞职，".repeat(630))) {
            long t = System.nanoTime();
            qa.answer(longest.substring(0, 10_000), null, Optional.empty());
            System.out.printf("a 10 000-character message (%s): %.1f ms%n", longest.startsWith("我") ? "zh" : "en",
                    (System.nanoTime() - t) / 1e6);
        }
        System.gc();
        System.out.printf("memory: RSS %s, heap used %.0f MB%n", rss(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
        qa.close();
    }

    /** The process's resident set size from /proc (Linux), or "n/a". */
    private static String rss() {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.substring(6).strip()).findFirst().orElse("n/a");
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }
}
