package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a message asks for decides whether the roadmap can answer it, not which roadmap words it shares: requests the
 * roadmap never covers are recognised in English, Chinese and mixed text, and roadmap questions about the same
 * resources and subjects are left to the topic match.
 */
class OutOfScopeTest {

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "training crashes with RuntimeError: CUDA out of memory, what do i do | TROUBLESHOOTING",
            // another career's route, despair beyond study fatigue, this week's models, two data tools weighed
            "给个数据工程师路线图,Spark和Flink先学哪个 | GEAR",
            "数据工程师的学习路线是啥 | OTHER_CAREER",
            // another role's day, and a job offer to choose
            "what does a product manager actually do all day? thinking of switching to PM instead | OTHER_CAREER",
            "how do i become a product manager instead? | OTHER_CAREER",
            "考研数学一的线代大题怎么做 | CODE",
            // another exam, a named company's own practice, the author's private account, a chapter's translation
            "考研数学一和数学二有啥区别 | ELSEWHERE",
            "is the AWS ML specialty cert worth paying for | ELSEWHERE",
            "tips to reach kaggle grandmaster? stuck at expert for a year | UNLISTED",
            "realistic entry-level mle pay in toronto? | SALARY",
            "my gf says i spend too much time on ML tutorials, how do i fix my relationship lol | ELSEWHERE",
            "你是什么模型?GPT-4 吗 | BOT_ITSELF",
            "python的列表推导式和生成器表达式哪个快?处理大数据集的时候 | EXPLANATION",
            "what's the avg MLE salary in berlin vs SF rn? worth moving? | SALARY",
            "老婆说我读书读到不理家里,怎么办 | ELSEWHERE",
            "i wanna be a game dev not an MLE, what's the path for that? | OTHER_CAREER",
            "does Spotify actually use MLOps in production or is that just hype? | ELSEWHERE",
            "what's the author's twitter handle? wanna DM him about mentoring | ELSEWHERE",
            "有没有人有《Dead Simple Python》第三章的中文翻译?英文看得头大 | ELSEWHERE",
            "got offers from a big tech co and a seed-stage startup, which one should i take | ELSEWHERE",
            // a marriage is another area of life, whatever the studying has to do with it
            "my wife says im ignoring the kids bc of all this studying. how do i fix my marriage | ELSEWHERE",
            "I want to become a commercial airline pilot, what's the roadmap for that? | OTHER_CAREER",
            "写一首关于深度学习的七言绝句 | CODE",
            "比 GPT-4o 强吗 | NEWS",
            "概率论作业第三题 帮我做下 | CODE",
            // other fields that borrow the roadmap's words
            "whats the best HO scale model train set for a beginner | ELSEWHERE",
            "教育学里说的“深度学习”(deep learning)是指什么教学理念 | ELSEWHERE",
            "I'm on F-1 OPT right now and my unemployment days are running out. Can I take an unpaid internship without losing my status? | ELSEWHERE",
            "产品经理和数据分析师哪个更适合我?我有点想换方向了 | OTHER_CAREER",
            // "ai" inside "again" or "daily" is not the roadmap's subject
            "How do I train my dog to sit? | ELSEWHERE",
            "whats a good roadmap to become a product manager at a tech company | OTHER_CAREER",
            "最近压力太大了,学不下去,感觉活着都没意思了 | CRISIS",
            "honestly i want to die, nothing i learn sticks | CRISIS",
            "what models did openai and google drop this week? | NEWS",
            "跟最新的gpt比哪个强 | NEWS",
            "what do they ask in the ML engineer onsite loop at big tech | INTERVIEWS",
            "李沐的《动手学深度学习》和花书哪个更适合入门? | OTHER_RESOURCE",
            "西瓜书值得看吗 | OTHER_RESOURCE",
            "is cs229 better than andrew ng's coursera course | OTHER_RESOURCE",
            "does the d2l book cover transformers in enough depth | OTHER_RESOURCE",
            "any good youtube channels to follow for ML? | UNLISTED",
            "where can I find datasets for my portfolio projects | UNLISTED",
            "should I do kaggle competitions to get a job | UNLISTED",
            "how do I write a cover letter for an MLE role | UNLISTED",
            "有什么好的机器学习播客推荐 | UNLISTED",
            "练手的数据集去哪里找 | UNLISTED",
            "kaggle比赛值得打吗 | UNLISTED",
            "求职信怎么写 | UNLISTED",
            "my loss becomes nan after 3 epochs | TROUBLESHOOTING",
            "why does my model predict the same class for everything | TROUBLESHOOTING",
            "how do i install tensorflow with gpu support on windows | TROUBLESHOOTING",
            "训练时loss变成nan怎么办 | TROUBLESHOOTING",
            "跑resnet的时候显存不够，batch调小了也不行 | TROUBLESHOOTING",
            "我的模型验证集上准确率一直上不去 | TROUBLESHOOTING",
            "my jupyter kernel keeps dying when i load the dataset | TROUBLESHOOTING",
            "why is my val loss higher than my train loss | TROUBLESHOOTING",
            "模型训练太慢怎么加速 | TROUBLESHOOTING",
            "帮我看下这段代码哪里错了 | CODE",
            "what's the difference between L1 and L2 regularization | EXPLANATION",
            "反向传播是怎么回事 | EXPLANATION",
            "do ML engineers earn more than backend devs | SALARY",
            "is the Andrew Ng course on Coursera free? | ACCOUNT",
            "how do i get a refund for the deeplearning.ai specialization | ACCOUNT",
            "fast.ai 的课要钱吗 | ACCOUNT",
            "coursera账号登录不上去了 | ACCOUNT",
            "explain gradient descent step by step | EXPLANATION",
            "can you derive the backpropagation formula for me | EXPLANATION",
            "what is a transformer | EXPLANATION",
            "讲讲注意力机制的原理 | EXPLANATION",
            "SVM的对偶问题怎么推导 | EXPLANATION",
            "write me a python script that trains a cnn on mnist | CODE",
            "can someone solve my homework on linear regression | CODE",
            "帮我写个爬虫 | CODE",
            "which gpu should i buy for deep learning, 4070 or 3090 | GEAR",
            "PyTorch还是TensorFlow，新手选哪个 | GEAR",
            "pytorch vs tensorflow in 2025? | GEAR",
            "学深度学习要配什么显卡 | GEAR",
            "what's the average ML engineer salary in london | SALARY",
            "how much do MLEs make at startups | SALARY",
            "上海机器学习工程师年薪一般多少 | SALARY",
            "any news on the latest open models this week | NEWS",
            "our wedding planning roadmap has 4 stages and we're behind on the venue, how to catch up | ELSEWHERE",
            "装修路线图分了五个阶段，我们卡在第二阶段了怎么办 | ELSEWHERE",
            "does the roadmap say what an ML engineer earns in Berlin | SALARY",
            "文章里说的那个反向传播公式能推导一下吗 | EXPLANATION",
            "deepseek最近发布了什么新模型 | NEWS",
            "how many layers should my CNN have | EXPLANATION",
            "which loss function for multi-label classification | EXPLANATION",
            "大模型微调怎么做 | EXPLANATION",
            "docker vs kubernetes for deploying my model | GEAR",
            "is data science dying in 2025 | NEWS",
            "AI会不会取代程序员 | NEWS",
            "what are common ML interview questions at faang | INTERVIEWS",
            "大厂面试一般问什么八股 | INTERVIEWS",
            "my band is at the stage where we need a path to our first album | ELSEWHERE",
            "孩子上幼儿园了，这个阶段走什么路径比较好 | ELSEWHERE",
            "got an MLE offer at a big tech company, 180k base. how do i negotiate it up? | SALARY",
            "拿到MLE的offer了 怎么谈薪 | SALARY",
            "线代作业 帮我算下[[2,1],[1,2]]的特征值 | CODE",
            "can you calculate the eigenvalues of this matrix for me | CODE",
            "今年大模型榜单谁第一 | NEWS",
            "React和Vue哪个更好找工作 | GEAR",
            "can I get an H-1B as a self-taught ML engineer? | ELSEWHERE",
            "my parents want me to do law school instead of this ML stuff, should i just move out? | ELSEWHERE",
            "学ML天天熬夜 对象要跟我分手 怎么挽回 | ELSEWHERE",
            "天天学吴恩达没空陪对象 她生气了咋哄 | ELSEWHERE",
            "how much is Ng's coursera specialization? | ACCOUNT",
            "can I legally scrape reddit posts to build a sentiment dataset? | LEGAL",
            "does stem opt let me change jobs from analyst to MLE mid-year? | ELSEWHERE",
            "can you roast my resume before I apply to MLE roles | CODE",
            "is meta still hiring ML engineers this year | NEWS",
            "腾讯今年秋招什么时候开始 | NEWS",
            "用别人论文里的图做我的学习笔记 算不算侵权 | LEGAL",
            "could you translate this blog post into english for me | CODE",
            "麻烦把这段英文摘要翻译成中文 | CODE",
            "能不能帮我把 Deep Residual Learning for Image Recognition 整篇翻译成中文 | CODE",
            "考研还是工作?双非本科想考计算机 哪个学校好考点 | ELSEWHERE",
            "what time is the fast.ai study group call on thursday and is there a zoom link | ELSEWHERE",
            "我想转行做UI设计 要学哪些软件 | OTHER_CAREER",
            "is chatgpt plus worth $20 a month for studying ML or nah | ACCOUNT",
            "考研408和数学一怎么复习 求个时间规划 | ELSEWHERE",
            "周末有人一起去爬山吗 学 ML 学累了 | ELSEWHERE",
            "anyone know if the fast.ai live lectures start next week? what time zone are they in | ACCOUNT",
            "is data engineer or MLE better paid in germany rn? | SALARY",
            "产品经理和算法工程师哪个更适合女生啊 求建议 | OTHER_CAREER",
            "whats your fav anime bro, need a break from linear algebra | BOT_ITSELF",
            "你是用什么大模型做的啊?你自己会不会累 | BOT_ITSELF",
            "is data engineering or devops a better paying career than mle rn? | SALARY",
            "吴恩达的课B站哪个up主搬运的 有链接吗 | ACCOUNT",
            "产品经理和算法工程师哪个更有前途,纠结死了 | OTHER_CAREER",
            "my gf says i'm always on courses and ignoring her lol what should i do | ELSEWHERE",
            "hr说offer下周发 但我还在等另一家的结果 能不能拖一拖 怎么跟hr开口比较好 | ELSEWHERE",
            "前端转测试开发有前途吗 35岁了 | OTHER_CAREER",
            "when is the week 3 assignment deadline on andrew ng's coursera course? i think i missed it | ACCOUNT",
            "吴恩达课程在coursera上的作业截止日期能延期吗 | ACCOUNT",
            "how many lectures are in the NYU deep learning course? | COURSE_DETAILS",
            "fast.ai的课一共几节?每节多长 | COURSE_DETAILS",
            "CS50 有没有官方中文版 | COURSE_DETAILS",
            "how many hours a week does CS50 take | COURSE_DETAILS",
            "推荐几个靠谱的AI培训班吧,线下那种 | UNLISTED",
            "which bootcamp would you recommend for ML? | UNLISTED",
            "PhD or straight to industry after my MSc? | ELSEWHERE",
            "要不要辞职考研,纠结死了 | ELSEWHERE",
            "国企和大厂怎么选 | ELSEWHERE",
            "which companies in berlin hire junior MLEs | NEWS",
            "吴恩达的深度学习专项一共几门课?每门要多少周? | COURSE_DETAILS",
            "does CS50 give college credit? | ACCOUNT",
            "简历怎么写才能过HR筛选?一页还是两页 | UNLISTED",
            "考研还是直接工作? | ELSEWHERE",
            "Docker compose 怎么把GPU分给容器用 | TROUBLESHOOTING",
            "这周有什么值得读的大模型新论文推荐一下 | NEWS",
            "fast.ai第5课的作业有参考答案吗,求分享 | COURSE_DETAILS",
            "CS50 的 final project 具体要求是啥? | COURSE_DETAILS",
            "should i quit my job now or wait for my bonus in march? | ELSEWHERE",
            "how do i get a paper into neurips as an undergrad lol | UNLISTED",
            "简历上的项目经历怎么写比较好看?给个模板 | UNLISTED",
            "how many hours of video is yann lecun's nyu course and do the homeworks come with solutions? | COURSE_DETAILS",
            "docker build的时候报 permission denied,怎么搞 | TROUBLESHOOTING",
            "面试MLE的时候手推反向传播一般会问到多深 | INTERVIEWS",
            "推荐几篇今年CVPR值得读的论文 | UNLISTED",
            "帮我总结下 Attention is All You Need 这篇论文讲了啥 | CODE",
            "should I quit my job and move to Canada for an ML masters? | ELSEWHERE",
            "is a masters in Germany better than one in the UK for ML? | ELSEWHERE",
            "my bf wants to quit his bank job to do this full time. should he?? we have a mortgage | ELSEWHERE",
            "考研选计算机还是人工智能专业?哪个学校好考 | ELSEWHERE",
            "how many hrs/week does CS50 actually take? | COURSE_DETAILS",
            "30岁了要不要辞职全职考研转AI,家里不同意 | ELSEWHERE",
            "fullstackopen 一共有几个 part? | COURSE_DETAILS",
            "whats the best vector db for RAG right now? | GEAR",
            "某机构AI就业班报价两万八包推荐工作,靠谱吗 | UNLISTED",
            "LoRA微调大模型的时候rank和alpha怎么设比较好 | EXPLANATION",
            "got an offer from a startup and one from a bank, both data roles. which should I take? | ELSEWHERE",
            "should i quit my job and move back in w my parents to study ML full time? | ELSEWHERE",
            "LeCun 的 NYU 课程是哪年录的? | COURSE_DETAILS",
            "简历上的项目经历用STAR法则怎么写比较好? | UNLISTED",
            "can you recommend a specific diffusion model paper i should implement for my portfolio? | UNLISTED",
            "Kaggle 的 Titanic 比赛结果怎么提交?一直报格式错误 | TROUBLESHOOTING",
            "秋招算法岗要投多少家公司比较稳? | INTERVIEWS",
            "should i quit my warehouse job now or wait till i finish cs50? rent is due next week | ELSEWHERE",
            "读研选导师要注意啥?想找个放养的 | ELSEWHERE",
            "did karpathy leave openai again? | NEWS",
            "my gf says i spend too much time coding and not enough with her lol how do i balance this | ELSEWHERE",
            "is data engineering a better career than ML engineering rn? | OTHER_CAREER",
            "is it normal to cry after bombing a job interview? asking for me lol | ELSEWHERE",
            "408数据结构怎么复习啊,还剩三个月 | ELSEWHERE",
            "考研数学二一般要复习多久才够 | ELSEWHERE",
            "我是做期货的,量化里说的'因子模型'要怎么搭,回测用哪个平台 | ELSEWHERE",
            "whats the best vector db for a RAG project, pinecone or qdrant? building my portfolio project rn | GEAR",
    })
    void givenARequestTheRoadmapNeverCovers_whenRead_thenItsKind(String message, OutOfScope kind) {
        // WHEN
        Optional<OutOfScope> read = OutOfScope.of(message);
        // THEN
        assertThat(read).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // how long the whole route takes, next to a course, is the roadmap's question; reading the Python book first
            "CS50 or Helsinki, and how long does it take overall?",
            "CS50和赫尔辛基的课选哪个？大概要学多久？",
            "Dead Simple Python 要从头精读完才能往下学吗",
            // a developer asking whether the switch means starting over as a junior
            "转 MLE 会不会从 junior 重新干起啊",
            // choosing among the roadmap's own deep-learning courses is not a course's layout
            "深度学习那几门课 吴恩达 LeCun fast.ai 到底按什么选",
            "我的简历上啥都没有,要不要先找个实习?",
            // what one of the roadmap's courses covers, whichever tools it names; GitHub as where projects are shown
            // "死板" (rigid) is no wish to die
            "这些课必须一门不落按顺序刷完吗?我不太想死板地学",
            "fullstackopen会讲docker和数据库吗,还是只有前端那套",
            "does FSO actually cover stuff like docker + databases or is it just react frontend stuff",
            "除了丢github,还能怎么把项目展示出去",
            // a claim heard elsewhere, not a run that fails
            "a youtuber said you HAVE to follow the roadmap in exact order or it doesnt work. is it meant to be a strict curriculum?",
            // what the article itself says about errors, platforms, tools or unlisted resources is its question
            "my friends all do kaggle competitions and i feel behind, does the guide say anything about that",
            "the bug thing in the data science part — which errors did it say are the worst, the out-of-memory crashes?",
            // the roadmap's own level, and one tool as the asker's background beside the roadmap's resources
            "照这个路线图学完大概能到什么水平?能直接当高级吗",
            // LeetCode as the asker's story beside what the article says about software engineering
            "我leetcode刷了三百题 算不算够格 文章为啥强调MLE得是很强的software engineer",
            // news as the asker's doubt about why the article recommends what it does
            "现在都说程序员迟早被AI取代,那文章为啥还让自学的人先走软件工程路线??",
            // a training run that keeps dying is no news about a field; "MLE≠调参" is a sneer at the job, not a tuning problem
            "my training keeps dying w/ CUDA OOM, is that the worst kind of bug you can get?",
            "MLE≠调参?",
            // which parts to skip is the roadmap's question, whatever concept the asker's background names
            "tbh i'm already a data scientist (3 yrs, mostly pandas + sklearn + some xgboost). which parts of this roadmap can i skip?",
            // "those kill me" is an idiom, not despair; moving into ML is the roadmap's question
            "wat is the worst kinda bug in ml. OOM errors?? those kill me everyday 😭",
            "data scientist, feel stuck. worth moving to MLE?",
            // a mentor writing a reference, certificates beside internships, the article's view on guessing hyperparameters
            "实习结束 mentor 说可以给我写推荐信,这玩意对找MLE工作有用吗?",
            "简历上只有一堆课程证书,没有实习,能找到MLE的工作吗?",
            "调参全靠瞎猜 😂 这正常吗?文章怎么看",
            // grandmasters as the asker's comparison; the exam's maths as a depth; why the job needs tools; ML or SWE
            "i keep comparing myself to 19yo kaggle grandmasters on twitter and feel like trash ngl",
            "线代 概率 微积分要学到啥程度啊 需要把考研数学那套再刷一遍吗😵",
            "mle为啥要会写工具搞自动化 感觉调参手动点点就行",
            "bootcamp grad here (react/node). genuinely curious, is it quicker to pick up ml or swe?",
            // whether LeetCode alone gets the job is the roadmap's advice on showing one's skills
            "技能学得差不多了怎么找工作,光刷leetcode够吗",
            // a PhD dropout is a person, not the regularisation technique
            "bio PhD dropout — data-science path or software-eng path, which one does the guide push for self-taught ppl and why",
            // trial and error is no error; what the roadmap's own people said, whatever company they are at
            "The guide describes building ML models as basically a trial-and-error process. How exactly does strong software engineering help with that?",
            "what did the openai guy (brockman?) say about software vs ML",
            // which bugs to fear most is the article's silent bugs, however an error is named beside it
            "which bug should i be most scared of in ML? OOM errors?",
            // projects weighed against certificates is how to show one's skills; signing up is the asker's plan
            "为什么说做项目比考证书有用",
            // a model that trains (a verb), large-scale models, and a silent bug compared with an out-of-memory error
            "my model trains fine, no errors, but something feels off",
            "What other math should I learn for large-scale models and big data?",
            "训练跑完了结果看着也对 但其实有问题 这种bug是不是比内存溢出还难搞",
            "notebook里的模型准确率95%,但一直没上线,作者为啥说这种只是玩具",
            "whats the one course for classic ML the article names? (accountant, want to sign up this weekend)",
            "最怕的不是报错,是跑完了结果看着对其实是错的,文章里咋说这种坑?",
            "I've shipped a few Flask apps at work but never looked after a model in production over its whole lifecycle. Which resource should I take?",
            // feeling like giving up on studying is study fatigue, the roadmap's own subject
            "学到深度学习卡住了 好无聊 想放弃了 怎么办",
            "does the roadmap say which errors are the dangerous ones, the ones that don't crash?",
            "报错和内存溢出都不可怕，文章里说真正要命的错误是什么样的",
            "in the article's opinion, what's nastier: a crash like running out of memory, or something sneakier?",
            "作者觉得搞机器学习时哪类问题最坑？我以为是爆内存那种报错",
            "路线图里推荐的课能换成国内的慕课或者B站up主的吗，会不会影响效果",
            // family and hobbies beside study hours, the article or its people are the asker's situation
            "im 34, accountant, 2 kids, maybe 10h a week max. is the 18 month estimate for people like me",
            "karpathy quote in the article: whats his recipe for becoming an expert at something?",
            "有两个孩子，每周能学8小时，来得及吗",
            // one tool and a bare "or" is slang, not a choice between tools
            "planning 10 tiny kaggle notebooks for my resume, is quantity the move or nah",
            "which Coursera course should I take first",
            // an unlisted resource the asker already did is their situation
            "学完西瓜书了，下一步学什么",
            "finished cs229 already, what's next on the roadmap",
            "我比较喜欢看李宏毅的视频，路线图里的课可以换掉吗",
            // what the roadmap's people said is the question, the asker's tuning runs are their story
            "天天调参被导师骂，Karpathy不是说过别跟别人比吗，原话是啥",
            // "just tuning" is a view of the job, not a training run to fix
            "为啥ML工程师要会写工具搞自动化 不就调调参吗",
            "为啥MLE一定要会写工程代码?我只想调参啊",
            // a Kaggle leaderboard is Kaggle's, not the news of models
            "kaggle排行榜上那些人都是怎么学的，路线图里说了吗",
            "is the math hard",
            "what maths for big datasets",
            "how to not burn out comparing myself to kaggle grandmasters",
            "Karpathy的youtube视频推荐吗",
            "which youtube course is best for python",
            "处理大数据集需要哪些数学",
            "do I need to know backprop before starting fast.ai?",
            "should I learn gradient descent maths before deep learning",
            "what are the worst bugs in ML, the silent ones?",
            "my training finishes fine but the results are subtly off, what kind of error is that",
            "which deep learning course fits me, I like hands-on stuff",
            "how much maths do I need for machine learning",
            "I'm 40 with two kids, 1 hour a day, is MLE realistic?",
            "what projects should I put in my portfolio",
            "要不要学PyTorch",
            "数学很难吗",
            "吴恩达的机器学习课适合入门吗",
            "有免费的数学课推荐吗",
            "ML里最坑的bug是不报错的那种吗",
            "想做异常检测方向，该怎么选领域",
            "学完CS50接下来学什么",
            "模型只在jupyter里跑通算不算数",
            "每天下班学两个小时，要多久能转行",
            "写博客记录学习过程有用吗",
            "what's the price of not learning software engineering early",
            "can i do this roadmap with a full-time job and a baby",
            "fast.ai和吴恩达的深度学习课有什么区别",
            "MLOps和DevOps有什么区别",
            "经典机器学习和深度学习的区别是什么",
            "does the roadmap cover transformers or LLMs at all?",
            "is dead simple python worth reading",
            "which course teaches transformers best",
            "how do I prepare for the job hunt as a self-taught MLE",
            "do I need docker for MLOps",
            "面试前作品集要准备几个项目",
            // the order of learning, however deep the concept named
            "random forests vs diving straight into transformers, which first?",
            "can i skip straight to LLMs and attention or do i need the basics",
            // whether a resource exists in Chinese is not a request to translate
            "fast.ai有没有翻译成中文的版本",
            "is the roadmap's chinese translation faithful to the original?",
            // the asker's own projects, without asking the bot to judge them
            "which projects should I put on my github",
            // a tool in another sentence than the comparison: two stages weighed, the tool is the asker's story
            "请问下 shallow ML 和 deep learning 哪个先学?群里有人直接上pytorch了 我有点慌",
            // "old news" is an idiom
            "the openai cto quote in the article — when was that tweeted? my colleague says its old news",
            "Karpathy 那三条能不能再说一遍 有人说第二条是\"多刷题\" 感觉不对",
            // a video site's lecturers as the asker's taste, not a request for links
            "路线图里那些课一定要照着刷吗,我更喜欢b站up主讲的",
    })
    void givenARoadmapQuestionUsingTheSameWords_whenRead_thenLeftToTheTopicMatch(String message) {
        // WHEN
        Optional<OutOfScope> read = OutOfScope.of(message);
        // THEN
        assertThat(read).isEmpty();
    }

    @Test
    void givenWordBoundaries_whenCompiled_thenAStartOfWordOnlyWhereAWordCharacterMustFollow() {
        // WHEN
        String literal = OutOfScope.edges("\\bcat");
        String group = OutOfScope.edges("\\b(?:dog|\\w*error|(?:x|y)z)");
        String optionalFirst = OutOfScope.edges("\\ba?b");
        String symbolAlternative = OutOfScope.edges("\\b(?:dog|-cat)");
        // THEN
        assertThat(literal).startsWith("(?<![a-z0-9_])cat");
        assertThat(group).startsWith("(?<![a-z0-9_])(?:");
        assertThat(optionalFirst).doesNotStartWith("(?<![a-z0-9_])a");
        assertThat(symbolAlternative).doesNotStartWith("(?<![a-z0-9_])(?:");
        // and on ASCII text they find what Java's own \\b finds
        for (String regex : List.of("\\bcat\\b", "\\b(?:dog|\\w*error|(?:x|y)z)\\b", "\\ba?b", "\\b(?:dog|-cat)")) {
            for (String text : List.of("cat", "concat", "cats", "a cat.", "dog-cat", "typeerror!", "xz yz", "b", "ab", "-cat")) {
                assertThat(java.util.regex.Pattern.compile(OutOfScope.edges(regex)).matcher(text).find())
                        .as("%s in %s", regex, text)
                        .isEqualTo(java.util.regex.Pattern.compile(regex).matcher(text).find());
            }
        }
    }
}
