package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatedNeedTest {

    @Test
    void givenANeedStatedInOtherWords_whenRead_thenTheTopicThatHoldsTheAnswer() {
        // WHEN / THEN
        assertThat(needOf("i keep comparing myself to kaggle grandmasters on twitter")).contains("motivation");
        assertThat(needOf("投了几十份简历都石沉大海,课都刷完了,按文章说我还缺啥")).contains("job-search");
        assertThat(needOf("what's the first step?")).isEmpty();
    }

    @Test
    void givenTheNeedBesideATimeQuestionSeveralQuestionsOrProjects_whenRead_thenNoNeedTakesOver() {
        // WHEN / THEN: how long is the situation's estimate; several asks are not one need; projects are their own question
        assertThat(needOf("我之前做了八年护士 要多久 之前的经验有用吗")).isEmpty();
        assertThat(needOf("do I do the maths first? and does my analyst experience count for anything?")).isEmpty();
        // (many small projects is the projects topic's own question: one or two big ones beat them)
        assertThat(needOf("15 small projects on github and zero callbacks. should i keep adding more?")).contains("portfolio");
    }

    @Test
    void givenTheArticlesOwnTimeFigureQuestionedAsAFigure_whenRead_thenTheTopicThatGivesIt() {
        // WHEN / THEN: the figure pointed at or questioned is the article's, not the asker's own time
        assertThat(needOf("is the 6 months for devs full time or evenings?? seems way too short")).contains("time-developer");
        assertThat(needOf("护士 三班倒 一周最多挤十来个小时。。文章那个18个月是按全职算的吧?")).contains("time-scratch");
        // a figure that is the asker's own story is not the article's
        assertThat(needOf("学了6个月了 下一步学啥")).isEmpty();
        // and "how long for me" is the situation's estimate
        assertThat(needOf("the 18 months, how long would it take me at 10h a week?")).isEmpty();
    }

    @Test
    void givenNeedsAddedForHoldout71To74_whenRead_thenTheirTopics() {
        // WHEN / THEN
        assertThat(needOf("工作里数据量巨大 文章说这种情况还要补啥数学")).contains("maths-advanced");
        assertThat(needOf("高三刚毕业 家里想让我读大学 我想自己在家自学 文章觉得哪个好")).contains("university");
        assertThat(needOf("我没完全按路线图来 cs50换成了b站的python课 算走偏了吗")).contains("flexible");
        assertThat(needOf("群里大佬都在卷transformer了 我还在线性回归 好焦虑啊")).contains("motivation");
        assertThat(needOf("halfway thru a DL course and the math is destroying me")).contains("maths-weak");
        assertThat(needOf("how does being a better programmer make ur ml experiments go faster tho")).contains("why-software");
        assertThat(needOf("what data skills does an mle actually need")).contains("data-skills");
        assertThat(needOf("what are the 2 paths into MLE again?")).contains("paths");
        assertThat(needOf("how to productionize a model?? like what should i learn")).contains("mlops");
        assertThat(needOf("theory vs practice, which one does the author think matters more")).contains("portfolio");
        assertThat(needOf("宝妈 文章是不是说过睡前读啥书来着")).contains("programming-basics");
        assertThat(needOf("文章里说软件工程重要的理由有哪几条?我只记得部署那条了")).contains("why-software");
        assertThat(needOf("do i need numerical methods from day 1? a guy in the discord said its required")).contains("maths-advanced");
        assertThat(needOf("群里有人说这篇文章推荐先啃数学再学编程,是这样吗")).contains("paths");
        assertThat(needOf("is this guide for total beginners or for ppl who already work in tech?")).contains("time-overview");
        assertThat(needOf("what's so bad about a model that trains fine and the output looks right??")).contains("silent-bugs");
        assertThat(needOf("in the final summary, step 4 has an 'if necessary' part, what is that")).contains("fullstackopen");
        assertThat(needOf("路线里的课顺序能自己调吗 还是必须按部就班")).contains("flexible");
        assertThat(needOf("can someone paste the 5-step summary in one msg, i lost my notes")).contains("summary");
        assertThat(needOf("mle为啥还得会找论文 那不是研究员干的吗")).contains("research-papers");
        assertThat(needOf("does an MLE need research skills?? i thought that was the researchers job")).contains("research-papers");
        assertThat(needOf("我属于啥都想从底层学透才敢动手那种 结果每次都半途而废")).contains("karpathy");
        assertThat(needOf("之前自学ML直接啃神经网络 啃不动放弃了 好挫败 这次该从哪开始")).contains("classic-ml");
        assertThat(needOf("MLE的工作成果是靠啥来衡量的啊")).contains("why-software");
        assertThat(needOf("作者觉得这条路简单吗 我有点怕坚持不下来")).contains("motivation");
        assertThat(needOf("ok dumb q but do i really need to be a *good* software engineer or is knowing some python enough")).contains("why-software");
        assertThat(needOf("为啥MLE一定要软件工程好啊 会写python脚本还不够?")).contains("why-software");
        assertThat(needOf("神经网络看得我头大 能不能先学点简单点的")).contains("classic-ml");
        assertThat(needOf("JS好难啊学不下去了,文章对这个有啥说法没")).contains("fullstackopen");
        assertThat(needOf("ok so my portfolio rn is like 9 tiny notebooks (titanic, mnist, iris lol)")).contains("portfolio");
        assertThat(needOf("fastai配套的那本书叫啥来着")).contains("deep-learning");
        assertThat(needOf("what math, bare minimum")).contains("maths");
        assertThat(needOf("my friend says the guide tells you to master all the maths before touching code. is that what it says?"))
                .contains("paths");
        assertThat(needOf("I bounce between courses constantly, does the article say how to learn instead of hopping around?"))
                .contains("karpathy");
        assertThat(needOf("0基础辞职全职学,给自己定了一年上岸MLE,按文章说靠谱吗")).contains("time-scratch");
        assertThat(needOf("how does being a better SWE make your models better? sounds like cope")).contains("why-software");
        // the extra maths for very big models is the advanced maths topic's, not the basic list
        assertThat(needOf("处理大模型、海量数据的时候,还得额外补哪些数学")).isNotEqualTo(java.util.Optional.of("maths"));
        // landing the job, then studying on, is about learning on the job, not the job hunt
        assertThat(needOf("once i land the job do i stop studying")).isEmpty();
        // one step of the summary is that step's question, not the whole summary
        assertThat(needOf("what is step 2 of the 5-step summary")).isEmpty();
        // whether the route is for research or industry is the role, not who the estimates are for
        assertThat(needOf("is this roadmap for ppl who wanna do research n publish, or industry?")).isEmpty();
        // a model in production named without asking how to learn it, and sleep trouble before reading, are no such need
        assertThat(needOf("our model has been in production for a year")).isEmpty();
        assertThat(needOf("最近每天睡前看书都睡不着 失眠好严重 有啥助眠的办法吗")).isEmpty();
    }

    /** The need as the service reads it: with the situation read from the same message. */
    private static Optional<String> needOf(String message) {
        return StatedNeed.topicOf(message, Situation.read(message));
    }
}
