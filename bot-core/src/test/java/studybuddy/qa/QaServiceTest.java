package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studybuddy.i18n.Lang;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;

class QaServiceTest {
    private static QaService qa;

    @BeforeAll
    static void buildIndex() {
        qa = new QaService();
    }

    @AfterAll
    static void closeIndex() throws IOException {
        qa.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"What's the weather like in Paris today?", "Tell me a joke about cats",
            "Translate 'good morning' into Spanish", "Find me a cheap flight to London", "Write a poem about the sea",
            "Which pizza place near me is open now?"})
    void givenOutOfScopeEnglishQuestion_whenAnswered_thenNotConfidentAndEnglish(String question) {
        // GIVEN an English question the roadmap says nothing about
        // WHEN
        Answer answer = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(answer.confident()).isFalse();
        assertThat(answer.lang()).isEqualTo(Lang.EN);
        assertThat(answer.topic()).isEqualTo(Answer.NO_TOPIC);
        assertThat(answer.text()).contains("/next").doesNotContainPattern("\\p{IsHan}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"明天上海会下雨吗?", "给我讲个笑话吧", "把这段话翻译成日语", "帮我订一张去北京的火车票", "写一首关于秋天的诗", "附近有什么好吃的餐厅?"})
    void givenOutOfScopeChineseQuestion_whenAnswered_thenNotConfidentAndChinese(String question) {
        // GIVEN a Chinese question the roadmap says nothing about
        // WHEN
        Answer answer = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(answer.confident()).isFalse();
        assertThat(answer.lang()).isEqualTo(Lang.ZH);
        assertThat(answer.text()).contains("/next").containsPattern("\\p{IsHan}");
    }

    @Test
    void givenChineseQuestion_whenNoLangGiven_thenAnswersInChinese() {
        // GIVEN
        String question = "学习MLOps有什么好的资源?";
        // WHEN
        Answer answer = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(answer.confident()).isTrue();
        assertThat(answer.lang()).isEqualTo(Lang.ZH);
        assertThat(answer.text()).contains("Full Stack Deep Learning").containsPattern("\\p{IsHan}");
        assertThat(answer.relatedUnits()).contains("fsdl");
    }

    @Test
    void givenEnglishQuestion_whenLangZhRequested_thenAnswersInChinese() {
        // GIVEN
        String question = "Which courses teach deep learning?";
        // WHEN
        Answer zh = qa.answer(question, Lang.ZH, Optional.empty());
        Answer en = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(zh.confident()).isTrue();
        assertThat(zh.lang()).isEqualTo(Lang.ZH);
        assertThat(zh.text()).containsPattern("\\p{IsHan}");
        assertThat(en.lang()).isEqualTo(Lang.EN);
        assertThat(en.text()).contains("fast.ai").doesNotContainPattern("\\p{IsHan}");
        assertThat(zh.topic()).isEqualTo(en.topic());
    }

    @Test
    void givenDeveloperProfile_whenAskingHowLong_thenFewerWeeklyHoursGiveLongerEstimate() {
        // GIVEN the same developer at 5 and at 20 hours a week
        LearnerContext slow = new LearnerContext(Background.DEVELOPER, LearningPath.SOFTWARE, 5);
        LearnerContext fast = new LearnerContext(Background.DEVELOPER, LearningPath.SOFTWARE, 20);
        // WHEN
        Answer slowAnswer = qa.answer("How long will it take me?", null, Optional.of(slow));
        Answer fastAnswer = qa.answer("How long will it take me?", null, Optional.of(fast));
        // THEN the article's 6 months at 20 h/week (about 593 h with practice) scale to about 27.5 and 7 months
        assertThat(slowAnswer.confident()).isTrue();
        assertThat(months(slowAnswer.text())).isEqualTo(27.5);
        assertThat(months(fastAnswer.text())).isEqualTo(7.0);
        assertThat(months(slowAnswer.text())).isGreaterThan(months(fastAnswer.text()));
    }

    @Test
    void givenChineseScratchProfile_whenAskingHowLong_thenPersonalSentenceInChinese() {
        // GIVEN
        LearnerContext context = new LearnerContext(Background.SCRATCH, LearningPath.SOFTWARE, 20);
        // WHEN
        Answer answer = qa.answer("我需要多长时间?", null, Optional.of(context));
        // THEN 18 months at 40 h/week become 36 months at 20 h/week
        assertThat(answer.confident()).isTrue();
        assertThat(answer.text()).contains("对你来说").contains("36");
    }

    @Test
    void givenNextStepQuestion_whenAnswered_thenPointsToNextCommand() {
        // WHEN
        Answer answer = qa.answer("What should I work on next?", null,
                Optional.of(new LearnerContext(Background.DATA_SCIENTIST, LearningPath.DATA, 8)));
        // THEN
        assertThat(answer.confident()).isTrue();
        assertThat(answer.text()).contains("/next");
    }

    @Test
    void givenTenThousandCharacterQuestion_whenAnswered_thenNoCrashAndNotConfident() {
        // GIVEN
        String question = "why ".repeat(1000) + "lorem ipsum dolor sit amet ".repeat(260);
        String chinese = "这是一段很长的文字,".repeat(1000);
        // WHEN
        Answer answer = qa.answer(question.substring(0, 10_000), null, Optional.empty());
        Answer zh = qa.answer(chinese.substring(0, 10_000), null, Optional.empty());
        // THEN
        assertThat(answer.confident()).isFalse();
        assertThat(zh.lang()).isEqualTo(Lang.ZH);
    }

    @Test
    void givenEmojiAndBlankQuestions_whenAnswered_thenNoCrash() {
        // WHEN
        Answer emoji = qa.answer("🤖🔥 how do I learn MLOps? 🚀👩‍💻", null, Optional.empty());
        Answer onlyEmoji = qa.answer("🤖🔥🚀", null, Optional.empty());
        Answer blank = qa.answer("   ", null, Optional.empty());
        Answer nothing = qa.answer(null, null, Optional.empty());
        // THEN
        assertThat(emoji.confident()).isTrue();
        assertThat(emoji.topic()).isEqualTo("mlops");
        assertThat(onlyEmoji.confident()).isFalse();
        assertThat(blank.confident()).isFalse();
        assertThat(nothing.confident()).isFalse();
    }

    @Test
    void givenKnowledgeBase_whenLoaded_thenEveryEntryRelatesOnlyToKnownUnitsAndTimeFiguresExist() {
        // GIVEN the unit ids of the roadmap being written in parallel
        var known = java.util.Set.of("cs50-1", "cs50-2", "cs50-3", "python-mooc-1", "python-mooc-2", "dead-simple-python",
                "ml-spec-1", "math-linear-algebra", "ml-spec-2", "math-calculus", "math-probability", "ml-spec-3",
                "math-numerics-optimization", "dl-spec-1", "dl-spec-2", "dl-spec-3", "fastai", "nyu-dl", "math-for-ml",
                "hf-courses", "project-1", "share-learning", "project-2", "fso-1", "fso-2", "fsdl", "job-portfolio",
                "job-book", "job-apply");
        // WHEN
        KnowledgeBase kb = qa.knowledge();
        // THEN
        kb.entries().forEach(e -> assertThat(known).as(e.id()).containsAll(e.units()));
        assertThat(kb.timeFor(Background.SCRATCH)).hasValueSatisfying(t -> assertThat(t.months()).isEqualTo(18));
        assertThat(kb.timeFor(Background.DEVELOPER)).hasValueSatisfying(t -> assertThat(t.months()).isEqualTo(6));
    }

    /** The month figure of the personal sentence ("… about 12 months …"). */
    private static double months(String text) {
        Matcher m = Pattern.compile("\\(about ([0-9.]+) months\\)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "what comes after classic ML?|deep-learning",
            "Done with CS50, which ML course comes next?|classic-ml",
            "学完吴恩达的机器学习课之后学什么|deep-learning",
            "I finished fast.ai, now what?|choose-domain",
            "Should I learn deep learning after classic ML?|classic-ml",
            "机器学习运维怎么入门,有推荐的课吗|mlops",
            // the stage named finished and what comes next asked, however little else the words match
            "学完深度学习下一步干嘛|choose-domain",
            // a finished stage named twice and the next stage named too: the next one is asked about
            "刚学完吴恩达的机器学习,学完经典ML之后推荐哪个深度学习的课?|deep-learning",
            // liking a course is having done it; reading a book "in one go" (一口气刷完) is not being past it
            "liked ng's ml course, DL next?|deep-learning",
            "深度学习课基本学完了 然后干嘛|choose-domain",
            "那本讲python内部原理的书(Dead Simple什么的)作者建议啥节奏看?我打算周末一口气刷完|programming-basics"})
    void givenQuestionAboutTheStageAfterOne_whenAnswered_thenAnswersTheFollowingStage(String question, String topic) {
        // GIVEN a question naming one finished stage (or two stages, or a specific topic plus generic course words)
        // WHEN
        Answer answer = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(answer.confident()).isTrue();
        assertThat(answer.topic()).isEqualTo(topic);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "What's the best way to pick up MLOps skills?|mlops",
            "MLOps 这块该怎么学起来?|mlops",
            "机器学习工程师平常具体都做些什么事情?|role",
            "数学真的少不了吗?要学哪几块?|maths",
            "一上来就学神经网络行不行?|classic-ml",
            "我是数学系的大学生,该怎么做准备?|students",
            "Does a university degree pay off for this career?|university",
            "Can you recommend a book about job hunting?|job-search",
            "I haven't picked a specialisation yet. Which course can I take in the meantime?|choose-domain",
            "Does an ML engineer need to understand the field the model is applied in?|domain",
            // slang for someone who only tunes models is no training trouble
            "导师说会调包就行了,为啥MLE得是好的软件工程师,当个调参侠不行吗|why-software",
            // two tools named as the asker's background are no choice between tools
            "docker and k8s are my daily bread. which resource in the roadmap covers MLOps?|mlops",
            // chat filler ("yo", "lol") says nothing about the topic and must not dilute the words that do
            "yo what does an MLE even do lol|role",
            // "does the author say" puts the question on the roadmap; it is not a question about the author
            "does the author say i must follow the courses in exact order?|flexible",
            // the job being all tuning is no training trouble
            "机器学习工程师日常到底干啥的 是不是就天天调参|role",
            // a career from another field: the article says to use it (domain knowledge is an advantage)
            "career switcher from teaching chemistry, is my old experience useless now?|career-change",
            "做了8年临床医生 转行学ML 以前的经验是不是都白费了|career-change",
            // which direction to pick is choosing a domain; which models a direction uses is domain knowledge
            "深度学习学完了 NLP CV 语音都想试 不知道选啥|choose-domain",
            "想做CV 图像方向该重点学啥模型|domain",
            "how do i pick a niche 🤔 nlp? vision?|choose-domain",
            "做图像和做文本,模型选择上有啥区别|domain"})
    void givenRareNameOrColloquialWording_whenAnswered_thenConfidentOnTheRightEntry(String question, String topic) {
        // GIVEN one rare name amid filler, or colloquial fillers and synonyms ("少不了", "行不行", "pay off", "job hunting")
        // WHEN
        Answer answer = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(answer.confident()).isTrue();
        assertThat(answer.topic()).isEqualTo(topic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Can you book a flight to Paris?", "What's the best course for guitar?",
            "My Spanish is rusty, how do I refresh it?", "Any good book for the beach?", "Is it worth it to buy a new car?",
            "Does a cooking degree pay off?", "吉他这块该怎么学起来?", "去读大学学画画值不值?",
            "best vscode theme for python?", "帮我把简历里的项目经历改得高级一点",
            "my docker container can't see the gpu, nvidia-smi works on host but not inside. help pls",
            "whats the best ML course on udemy under $20", "can you quiz me on linear algebra? give me 10 eigenvalue problems",
            "keras or torch, which has more hiring demand rn", "kaggle现在那个LLM比赛 public榜前排用的啥trick",
            "lol are you a real person or a bot", "你是真人还是机器人",
            // one word shared with a topic, beside a news question, is that question's follow-on
            "what did openai announce this week? anything new for devs",
            // a part that asks nothing ("我是MLE…", "be honest", "asking for a friend") is context for the other part
            "日本技术移民打分制怎么算?我是MLE想去东京工作",
            "AWS SageMaker vs GCP Vertex AI for a small startup — which is cheaper long term? be honest",
            "can I get an H-1B for an MLE role? asking for a friend", "这个月都有哪些新的大模型发布了?"})
    void givenOneGenericRoadmapWordOutOfScope_whenAnswered_thenNotConfident(String question) {
        // GIVEN an out-of-scope question whose only roadmap word is a plain one (book, course, degree), never a name
        // WHEN
        Answer answer = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(answer.confident()).isFalse();
    }

    @Test
    void givenDespairBesideAStudyQuestion_whenAnswered_thenOnlyAPointerToPeopleWhoCanHelp() {
        // WHEN
        Answer zh = qa.answer("最近压力太大了,学不下去,感觉活着都没意思了。数学要学哪些?", null, Optional.empty());
        Answer en = qa.answer("i want to die lol. anyway which courses for deep learning?", null, Optional.empty());
        // THEN: no roadmap advice, no list of topics, a line to call
        assertThat(zh.confident()).isFalse();
        assertThat(zh.text()).contains("12356").doesNotContain("我可以回答").doesNotContain("微积分");
        assertThat(en.confident()).isFalse();
        assertThat(en.text()).contains("findahelpline.com").doesNotContain("I can help with").doesNotContain("fast.ai");
    }

    @ParameterizedTest
    @ValueSource(strings = {"文章最后推荐的那本讲怎么成为程序员的书是谁写的", "there was a book by a self-taught guy mentioned in the article? who wrote it"})
    void givenWhoWroteABook_whenAnswered_thenNotTheRoadmapsSource(String question) {
        // WHEN
        Answer answer = qa.answer(question, null, Optional.empty());
        // THEN: the book's author is asked, not the roadmap's
        assertThat(answer.topic()).doesNotContain("source");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            // "python" names the programming-basics topic, but the question asks why being a good engineer matters
            "why do MLEs need to be legit software engineers and not just 'know python'?? i can already write scripts | why-software",
            // 图像 and 方向 lean to picking a direction, 网络 asks which models fit images
            "图像方向用啥网络 | domain",
            // a bare 全 (from 全学) no longer matches 全栈's Full Stack Open
            "全栈开发的课是哪个 | fullstackopen",
            // Full Stack Open (step 5 of the resources) comes before MLOps (step 6)
            "done with full stack open, what's left? | mlops",
            // two areas to choose between is choosing a domain; one area named twice (NLP, 文本) asks for its models
            "不知道选cv还是nlp 有啥课能先摸摸底 | choose-domain",
            "想走NLP方向,文章说处理文本一般用什么 | domain",
            // "the article says so too?" puts a named error on the article: which bugs it calls the worst
            "知乎有人说oom才是最头疼的bug 文章也这么说? | silent-bugs",
            // "几条路" asks for the two paths, not the summary's steps; "全废了" is "白费了", the career-change worry
            "转行ML一般有哪几条路? | paths",
            "会计干了6年想转ML,之前的经验是不是全废了 | career-change",
            // the next step within the finished stage's own subject, not the stage after it
            "cs50 done 🎉 what next for python? | programming-basics",
            "after cs50 whats the next python thing? | programming-basics",
            // the "2" asked is not the "2)" of the summary's numbered list
            "what are the 2 routes into MLE | paths",
            // which models an area uses, however many areas are named and whatever words of choosing ("方向", "focus")
            "做图像方向一般用啥模型 时间序列呢 | domain",
            "wanna go into nlp. what kind of models should i focus on | domain",
            // finishing a course "enough?" asks about that course, not the stage after it
            "huggingface的课程够全面吗 学完就够了? | choose-domain",
            // competitions weighed against one's own projects is the portfolio advice; "还是…" is the same question
            "Kaggle要不要刷?还是做自己的项目好 | portfolio",
            // "a sota model" is any strong model, not the news of the latest; 调包调参 is a sneer at the job, not a bug
            "why would a simple deployed model beat a sota model in my notebook lol | deployed-vs-notebook",
            "为啥MLE要软件工程这么强 不就调包调参吗 | why-software",
            // who wrote the roadmap is its source, whoever else is named beside it
            "so who even wrote this? is the author some big name like karpathy or just a random blogger | source",
            // whose job it might be is not what is asked
            "mle需要看论文吗 还是那是研究员的活 | research-papers",
            "为啥入门语言推荐 Python,不能直接上 C++ 吗 | programming-basics",
            // a chain of the route's steps asks for the one after the last
            "这些资源怎么串起来,CS50→吴恩达→然后呢? | deep-learning",
            "how do the resources fit together? cs50 -> ng -> fast.ai -> ...? | choose-domain",
            // two of the route's resources told apart: each one said
            "Full Stack Open 和 Full Stack Deep Learning 有啥区别 | fullstackopen+mlops",
            "full stack open vs full stack deep learning - aren't those the same thing | fullstackopen+mlops",
            // what next in the subject itself, not said to be finished; and past a finished stage
            "cs50学完了 python接下来还看啥 | programming-basics",
            "学完深度学习接下来学啥 | choose-domain",
            // every stage that names them
            "吴恩达的课在路线图里出现在哪几个阶段? | classic-ml+deep-learning",
            // "topics" is no maths word
            "which topics in full stack open actually matter for an MLE? | fullstackopen",
            // the asker's name said in passing is who asks
            "which bug should i be most scared of in ML? OOM errors? (im Zoe, first day here) | silent-bugs",
            "为啥第一门语言选Python | programming-basics",
            // whether deep learning is worth it is the deep learning topic (the mainstream toolbox), asked in four sets
            "is deep learning even worth learning or is it just hype rn | deep-learning",
            // a stage the asker already knows is behind them, like a finished one
            "我已经会深度学习了 下一步该学啥 | choose-domain",
            "what if i already know deep learning pretty well, where do i jump in on the roadmap | choose-domain",
            "cs50 done which python thing next | programming-basics",
            "what are the two routes into ML engineering the article talks about? | paths",
            "为啥软件工程那门课要用JavaScript,不能用Python吗 | fullstackopen",
            // whether knowing Python is enough asks why an MLE must be a good software engineer (asked in four sets)
            "why do MLEs need to be legit good software engineers and not just 'know python'? 🤔 | why-software",
            "do i actually need to be a *good* software engineer or is 'can code in python' enough? | why-software"})
    void givenAContestedOrMisleadingWord_whenAnswered_thenTheTopicMeant(String question, String topic) {
        // WHEN
        Answer answer = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(answer.confident()).isTrue();
        assertThat(answer.topic()).contains(topic);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given a question whether the roadmap is easy, when answered, then the article's closing words: it is not")
    void givenIsItEasy_whenAnswered_thenNotEasyInBothLanguages() {
        // WHEN
        Answer en = qa.answer("the roadmap looks simple, is it easy?", Lang.EN, Optional.empty());
        Answer zh = qa.answer("文章最后说这路线图简单吗 我看着挺简单的", Lang.ZH, Optional.empty());
        // THEN
        assertThat(en.confident()).isTrue();
        assertThat(en.text()).contains("not easy");
        assertThat(zh.confident()).isTrue();
        assertThat(zh.text()).contains("并不容易");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given a developer asking to skip Full Stack Open, when answered, then the article's 'if needed' is said")
    void givenDeveloperSkippingFullStackOpen_whenAnswered_thenIfNeeded() {
        // WHEN
        Answer en = qa.answer("backend dev here, skip fullstackopen?", Lang.EN, Optional.empty());
        Answer zh = qa.answer("做后端的 fullstackopen 能跳过吗", Lang.ZH, Optional.empty());
        // THEN
        assertThat(en.topic()).isEqualTo("fullstackopen");
        assertThat(en.text()).contains("if needed").contains("skip");
        assertThat(zh.topic()).isEqualTo("fullstackopen");
        assertThat(zh.text()).contains("如果有必要").contains("跳过");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given the stage named as behind the asker by 'done w/' or 'after that', when answered, then the stage after it")
    void givenStageBehindByShortForms_whenAnswered_thenTheNextStage() {
        // WHEN
        Answer doneWith = qa.answer("done w/ andrew ng's ML specialization. for DL should i stay with his DL course or try LeCun's NYU lectures?",
                Lang.EN, Optional.empty());
        Answer afterThat = qa.answer("halfway thru ng's ML specialization. after that — deep learning or straight into projects?",
                Lang.EN, Optional.empty());
        // THEN
        assertThat(doneWith.topic()).isEqualTo("deep-learning");
        assertThat(afterThat.topic()).isEqualTo("deep-learning");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given someone who cannot program asking where to start, when answered, then programming, whatever else they say")
    void givenCannotCodeAndWhereToStart_whenAnswered_thenProgrammingBasics() {
        // WHEN
        Answer zh = qa.answer("以前是中学数学老师,数学还行但是完全不会编程。第一步到底该学什么?", Lang.ZH, Optional.empty());
        Answer en = qa.answer("good at maths but I can't code at all, where do I start?", Lang.EN, Optional.empty());
        // THEN
        assertThat(zh.topic()).isEqualTo("programming-basics");
        assertThat(en.topic()).isEqualTo("programming-basics");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given an out-of-scope part and 'which is better value', when answered, then the second part is not a roadmap question")
    void givenWhichIsBetterBesideAnOutOfScopePart_whenAnswered_thenNotAnsweredAsTheRoadmap() {
        // WHEN
        Answer a = qa.answer("4090 now or wait for the 5090 for my home rig? which is better value", Lang.EN, Optional.empty());
        // THEN
        assertThat(a.confident()).isFalse();
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given 'what has the author to say', when answered, then what is asked, not who the author is")
    void givenWhatTheAuthorHasToSay_whenAnswered_thenTheTopicAskedAbout() {
        // WHEN
        Answer says = qa.answer("路线看着简单,真走起来难吗?作者有啥打气的话", Lang.ZH, Optional.empty());
        // THEN
        assertThat(says.topic()).isEqualTo("summary");
        assertThat(says.text()).contains("不容易");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given why one stage is on the route, when answered, then that stage, not the one it is weighed against")
    void givenWhyLearnAStage_whenAnswered_thenThatStage() {
        // WHEN
        Answer deep = qa.answer("为什么一定要学深度学习?传统ML不够用吗", Lang.ZH, Optional.empty());
        Answer classicFirst = qa.answer("why learn classic ML before neural nets?", Lang.EN, Optional.empty());
        // THEN
        // (the second question, whether classic ML is enough, may be answered beside it)
        assertThat(deep.topic()).startsWith("deep-learning");
        assertThat(classicFirst.topic()).isEqualTo("classic-ml");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given a finished stage and what next in its own subject or whether all of it is needed, when answered, then that stage")
    void givenNextWithinOrMustFinish_whenAnswered_thenTheStageItself() {
        // WHEN
        Answer nextPython = qa.answer("cs50刚刷完,下一步python看啥", Lang.ZH, Optional.empty());
        Answer mustFinish = qa.answer("《Dead Simple Python》要怎么读?必须啃完再往下走吗", Lang.ZH, Optional.empty());
        Answer nextStage = qa.answer("CS50学完了 下一步学啥", Lang.ZH, Optional.empty());
        // THEN
        assertThat(nextPython.topic()).isEqualTo("programming-basics");
        assertThat(mustFinish.topic()).isEqualTo("programming-basics");
        assertThat(nextStage.topic()).isEqualTo("classic-ml");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given one quoted person and their words or date asked, when answered, then that person's topic")
    void givenAQuotedPersonsTweetAsked_whenAnswered_thenTheirTopic() {
        // WHEN
        Answer year = qa.answer("Karpathy那条推特是哪一年的?", Lang.ZH, Optional.empty());
        Answer tweet = qa.answer("what did brockman tweet again", Lang.EN, Optional.empty());
        // THEN
        assertThat(year.topic()).isEqualTo("karpathy");
        assertThat(year.text()).contains("2020");
        assertThat(tweet.topic()).isEqualTo("brockman");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given study after work and a developer asking for the time estimate, when answered, then no stage is taken as finished")
    void givenStudyAfterWork_whenAnswered_thenNotTheStageAfterProgramming() {
        // WHEN
        Answer a = qa.answer("coming back after a 6 yr break (was a java dev). do i count as a developer for the time estimate?",
                Lang.EN, Optional.empty());
        Answer boyfriend = qa.answer("我男朋友是写前端的,想转MLE。他这样得耗多久啊", Lang.ZH, Optional.empty());
        // THEN: the developer's estimate
        assertThat(a.topic()).isEqualTo("situation");
        assertThat(boyfriend.topic()).isEqualTo("situation");
        assertThat(boyfriend.text()).contains("开发");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "hey all 👋 finally quit my job lol. ok real q: whats step 1 of the route?|programming-basics",
            "第二步是啥?|classic-ml",
            "step 3??|deep-learning",
            "quick q, what comes right before MLOps in the roadmap?|deep-learning",
            "整个路线最后一步是干嘛的|choose-domain",
            // more than one step, or how many there are: the whole summary
            "总结里一共几步 最后一步是啥|summary",
            "第一步和最后一步是啥|summary"})
    @org.junit.jupiter.api.DisplayName("given a step of the route by its number, when answered, then that step of the article's five-step summary")
    void givenAStepByNumber_whenAnswered_thenThatStep(String question, String topic) {
        // WHEN
        Answer a = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(a.confident()).isTrue();
        assertThat(a.topic()).isEqualTo(topic);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given the asker comparing themselves with others, when answered, then the motivation topic, whoever they name")
    void givenComparingOneself_whenAnswered_thenMotivation() {
        // WHEN
        Answer en = qa.answer("i keep comparing myself to 19yo kaggle grandmasters on twitter and feel like trash ngl", Lang.EN,
                Optional.empty());
        Answer zh = qa.answer("天天刷到小红书大佬晒offer 越比越焦虑😭 文章有啥建议", Lang.ZH, Optional.empty());
        // THEN
        assertThat(en.topic()).isEqualTo("motivation");
        assertThat(en.text()).contains("past self");
        assertThat(zh.topic()).isEqualTo("motivation");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given whether a stage is needed at all, when answered, then that stage")
    void givenWhetherAStageIsNeeded_whenAnswered_thenThatStage() {
        // WHEN
        Answer zh = qa.answer("ML学会了,深度学习还有必要学吗", Lang.ZH, Optional.empty());
        Answer en = qa.answer("is deep learning even worth learning?", Lang.EN, Optional.empty());
        // THEN
        assertThat(zh.topic()).isEqualTo("deep-learning");
        assertThat(en.topic()).isEqualTo("deep-learning");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "lost all motivation halfway thru the DL stage. does the article say anything abt this?|motivation",
            "学到深度学习阶段彻底没动力了 焦虑死 怎么办|motivation",
            "i forget everything a week after each lecture 😭 any study tips in the guide?|karpathy",
            "sent ~40 applications for junior ML roles, 0 replies. finished every course on the list. what am i missing?|job-search",
            "投了几十份简历都石沉大海,课都刷完了,按文章说我还缺啥|job-search",
            "accountant, 8 yrs in audit. is all that experience just wasted if i switch to ML?|career-change",
            "土木狗想跑路转ML🐶 本科学的那些还有用吗|career-change",
            "if i follow all of this, am i actually hireable or still a noob|summary",
            "why do MLEs need to be solid SWEs?|why-software",
            "为啥 MLE 要会自己造工具|why-software",
            "19, nursing student. Ng's DL course lost me at partial derivatives, does the roadmap say what to do|maths-weak",
            "卡在吴恩达机器学习专项课第二门好久了,公式推导看得头大,要先回去补数学吗|maths-weak",
            "I keep doing tutorials and courses but never finish a real project. what does the article suggest instead?|karpathy",
            "lowkey doubting myself. everyone here's ahead of me and i'm still on week 3 of Ng 🥲|motivation",
            "why do MLEs need real coding skills just to handle data? cant u just do it by hand / in excel|why-software",
            "Quincy Larson 那本书 讲的是怎么当MLE吗|job-search",
            "老哥们 ML里最坑的bug是OOM这种吗,天天爆显存头大|silent-bugs",
            "my model trains fine, loss goes down, preds look kinda reasonable… but smth feels off w/ the numbers|silent-bugs",
            "想进大厂搞ML,但我对发paper真没兴趣😂 MLE这个岗适合我吗|role",
            "我妈问我机器学习工程师到底是干嘛的,我该怎么跟她解释😂|role",
            "bootcamp grad here (react/node). is it quicker to pick up ML or SWE?|brockman",
            "nurse for 8 yrs, burned out. if i switch do i just throw away all my healthcare experience??|career-change",
            "tried learning ML back in 2022, quit after 5 months of tutorials. what do i do different this time?|karpathy",
            "CS50是哪个学校的课?主要讲啥|programming-basics",
            "零基础自学,每天晚上能挤2小时。先学写代码还是先啃数学?|paths",
            "最理想的背景是啥样的?给高三表弟选专业参考下|students",
            "gonna work w/ satellite imagery for crop yield stuff. which model family should i focus on|domain",
            "入门语言一定得是python吗 我学过一点java|programming-basics",
            "深度学习基础过完一遍了,下一步该干啥|choose-domain"})
    @org.junit.jupiter.api.DisplayName("given a need stated in words the topics never use, when answered, then the topic that holds the article's answer")
    void givenAStatedIntent_whenAnswered_thenItsTopic(String question, String topic) {
        // WHEN
        Answer a = qa.answer(question, null, Optional.empty());
        // THEN
        assertThat(a.confident()).isTrue();
        assertThat(a.topic()).isEqualTo(topic);
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given forgotten maths, zero callbacks beside a question about projects, or a time question, when answered, then no stated intent takes over")
    void givenAnIntentBesideWhatIsReallyAsked_whenAnswered_thenNotTheIntentsTopic() {
        // WHEN
        Answer maths = qa.answer("高数忘光了，还能学深度学习吗", Lang.ZH, Optional.empty());
        Answer projects = qa.answer("got 15 small projects on github and zero callbacks. should i keep adding more little projects?",
                Lang.EN, Optional.empty());
        Answer howLong = qa.answer("我之前做了八年护士 现在想转行ML 每天能全职学十来个小时 要多久 之前的经验有用吗", Lang.ZH, Optional.empty());
        // THEN
        assertThat(maths.topic()).isNotEqualTo("karpathy");
        assertThat(projects.topic()).isNotEqualTo("job-search");
        assertThat(howLong.topic()).isNotEqualTo("career-change");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given the asker's weekly hours beside a question that is not about time, when answered, then no time topic")
    void givenWeeklyHoursStated_whenAskingSomethingElse_thenNotATimeTopic() {
        // WHEN
        Answer a = qa.answer("Full-time warehouse job, 2 kids, realistically I get maybe 4 hrs a week. I'm teaching myself from zero. "
                + "Which of the two paths should I go with?", Lang.EN, Optional.empty());
        // THEN
        assertThat(a.topic()).isNotIn("time-scratch", "time-overview");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given which of one person's courses the route names, when answered, then every stage that names them")
    void givenWhichOfHisCourses_whenAnswered_thenEveryStageNamingHim() {
        // WHEN
        Answer a = qa.answer("wanna binge andrew ng, which of his courses are in the roadmap exactly?", Lang.EN, Optional.empty());
        // THEN
        assertThat(a.topic()).isEqualTo("classic-ml+deep-learning");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given small talk, 'those kill me' or a beginner's first step, when answered, then no helpline and the right reply")
    void givenSmallTalkIdiomsAndBeginners_whenAnswered_thenTheRightReply() {
        // WHEN
        Answer morning = qa.answer("good morning guys ☀️ hows everyone", Lang.EN, Optional.empty());
        Answer idiom = qa.answer("wat is the worst kinda bug in ml. OOM errors?? those kill me everyday 😭", Lang.EN, Optional.empty());
        Answer beginner = qa.answer("新人报道🙋 纯小白 第一周该从哪开始啊", Lang.ZH, Optional.empty());
        Answer twice = qa.answer("andrew ng shows up twice in this roadmap right? which two courses", Lang.EN, Optional.empty());
        // THEN
        assertThat(morning.confident()).isFalse();
        assertThat(morning.topic()).isEqualTo(Answer.NO_TOPIC);
        assertThat(idiom.topic()).isEqualTo("silent-bugs");
        assertThat(beginner.topic()).isEqualTo("programming-basics");
        assertThat(twice.topic()).isEqualTo("classic-ml+deep-learning");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given CS50 asked about in Chinese, why Python or why not JS, when answered, then the programming stage or the course asked about")
    void givenCs50AndLanguageChoice_whenAnswered_thenTheRightStage() {
        // WHEN
        Answer cs50 = qa.answer("CS50 是啥课啊", Lang.ZH, Optional.empty());
        Answer python = qa.answer("为啥大家都用python啊,我大学学过一点C,不能直接用C搞吗😂", Lang.ZH, Optional.empty());
        Answer js = qa.answer("fullstackopen为啥用JS不用Python", Lang.ZH, Optional.empty());
        Answer internals = qa.answer("do i actually need python internals for ML? that dead simple python book goes super deep", Lang.EN,
                Optional.empty());
        // THEN
        assertThat(cs50.topic()).isEqualTo("programming-basics");
        assertThat(python.topic()).isEqualTo("programming-basics");
        assertThat(js.topic()).isEqualTo("fullstackopen");
        assertThat(internals.text()).contains("don't need");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given where the asker heard a claim, when answered, then the claim's subject, not sharing on that platform")
    void givenAClaimHeardOnline_whenAnswered_thenItsSubject() {
        // WHEN
        Answer a = qa.answer("19 y/o, can afford uni but everyone on twitter says just self-teach. what does the roadmap think?",
                Lang.EN, Optional.empty());
        // THEN
        assertThat(a.topic()).isEqualTo("university");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given advice asked for someone like the asker, a course asked for a named topic, or a part pointing back, when answered, then the topic meant")
    void givenAdviceForMeResourceForANamedTopicOrAPartPointingBack_whenAnswered_thenTheTopicMeant() {
        // WHEN
        Answer student = qa.answer("doing a stats degree rn, 2nd yr. what does the roadmap say for ppl like me", Lang.EN, Optional.empty());
        Answer analyst = qa.answer("数据分析师一枚 天天jupyter 感觉到天花板了 文章对我们这种有啥建议", Lang.ZH, Optional.empty());
        Answer mlops = qa.answer("mlops用哪个课来着 我记得名字挺长的 学完深度学习了想接着看", Lang.ZH, Optional.empty());
        Answer after = qa.answer("finished ng's machine learning specialization today!!! what does the guide want me to do after that",
                Lang.EN, Optional.empty());
        Answer dsTime = qa.answer("ds转mle要多久 文章给了个大概时间没", Lang.ZH, Optional.empty());
        // THEN
        assertThat(student.topic()).isEqualTo("students");
        assertThat(analyst.topic()).isEqualTo("time-data-scientist");
        assertThat(mlops.topic()).isEqualTo("mlops");
        assertThat(after.topic()).isEqualTo("deep-learning");
        assertThat(dsTime.text()).contains("数据科学");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given two quoted people or two starting points compared, or a part another part already answers, when answered, then each once")
    void givenThingsComparedOrAPartAlreadyAnswered_whenAnswered_thenEachOnce() {
        // WHEN
        Answer quotes = qa.answer("can u compare the brockman quote and the karpathy quote, what is each one basically about", Lang.EN,
                Optional.empty());
        Answer starts = qa.answer("零基础全职 vs 已经是程序员 下班学,这两种人各要多久?帮我对比一下", Lang.ZH, Optional.empty());
        Answer twice = qa.answer("做 MLOps 篇文推介邊個資源?同埋 fullstackopen 同 fullstackdeeplearning 有咩分別,我成日搞亂晒", Lang.ZH,
                Optional.empty());
        Answer whyDl = qa.answer("why learn deep learning at all if classic ml handles most business stuff", Lang.EN, Optional.empty());
        // THEN
        assertThat(quotes.topic()).isEqualTo("karpathy+brockman");
        assertThat(starts.topic()).isEqualTo("time-overview");
        assertThat(twice.topic()).isEqualTo("fullstackopen+mlops");
        assertThat(whyDl.topic()).isEqualTo("deep-learning");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given a misremembered name or a guess after the question, when answered, then the topic the words or the question point to")
    void givenAMisrememberedNameOrAGuess_whenAnswered_thenTheTopicMeant() {
        // WHEN
        Answer quote = qa.answer("wait was it karpathy who said learning ML is way faster than learning software engineering?? or someone else",
                Lang.EN, Optional.empty());
        Answer guess = qa.answer("MLOps文章推荐的是哪个资源?是fullstackopen吗", Lang.ZH, Optional.empty());
        Answer hf = qa.answer("huggingface课程在路线里是干嘛用的 是教mlops的吗", Lang.ZH, Optional.empty());
        Answer rules = qa.answer("Karpathy成为专家那三条是啥 我只记得一条好像是'多和大佬比较'", Lang.ZH, Optional.empty());
        // THEN
        assertThat(quote.topic()).isEqualTo("brockman");
        assertThat(guess.topic()).isEqualTo("mlops");
        assertThat(hf.topic()).isEqualTo("choose-domain");
        assertThat(rules.topic()).isEqualTo("karpathy");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("given what the asker never did, or a course asked what it teaches, when answered, then neither is read as a stage behind")
    void givenNeverDoneOrWhatACourseTeaches_whenAnswered_thenTheStageItself() {
        // WHEN
        Answer never = qa.answer("没上过大学 一直有遗憾 想找个大学风格的深度学习课 文章推荐哪个", Lang.ZH, Optional.empty());
        Answer teaches = qa.answer("what does fullstackdeeplearning actually teach? small company, i'm the only 'ai person'", Lang.EN,
                Optional.empty());
        // THEN
        assertThat(never.topic()).isEqualTo("deep-learning");
        assertThat(teaches.topic()).isEqualTo("mlops");
    }
}
