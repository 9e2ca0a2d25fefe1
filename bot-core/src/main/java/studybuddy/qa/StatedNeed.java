package studybuddy.qa;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the asker says they need, in words the knowledge base never uses but that leave no doubt which topic holds the
 * article's answer ("keep comparing myself to kaggle grandmasters", "投了几十份简历都石沉大海", "MLE为啥要会自己造工具"),
 * whatever else the message names: platforms, people and stages are its context. Each need is a short list of patterns
 * with the topic it points to, checked in order; each was measured on every informal set before it was kept.
 */
final class StatedNeed {

    /** Words that point at a figure as the article's ("the 6 months", "文章那个18个月"), before it. */
    private static final String FIGURE_BEFORE = "(?:\\b(?:the|that|this|those|ur|your|his|its|the author'?s|the article'?s|the guide'?s|the roadmap'?s)\\s+(?:whole\\s+|famous\\s+|quoted\\s+)?"
            + "|(?:文章|作者|路线图|攻略)(?:里|中)?(?:说的|给的|写的|的)?(?:那个|这个)?|(?:那个|这个|说的|所谓的?))";
    /** Words that question a figure, after it: "sounds like marketing", "是按全职算的吧", "realistic?". */
    private static final String FIGURE_AFTER = "[^.?!。？！]{0,40}(?:\\b(?:estimate|figure|number|claim|timeline|thing|sounds?|seems?|realistic|legit|true|accurate|for real"
            + "|too (?:short|long|optimistic)|full[- ]?time|part[- ]?time|evenings?)\\b|是按|按全职|全职|靠谱|准吗|准不准|真的吗|现实吗|太短|太长|是不是|怎么算)";

    private static GuardedPattern figureAsked(String figure) {
        return GuardedPattern.compile(FIGURE_BEFORE + "(?:" + figure + ")|(?:" + figure + ")" + FIGURE_AFTER, Pattern.CASE_INSENSITIVE);
    }

    private static final List<Map.Entry<GuardedPattern, String>> NEEDS = List.of(
            // the article's own time figures, asked about as figures (not as the asker's own estimate): 18 months from
            // scratch full time, six months of after-work study for a developer
            Map.entry(figureAsked("(?<![\\d.])(?:18|eighteen)[- ]?(?:months?|mos?)\\b|(?<![\\d.])18\\s*个月|十八个月|一年半"), "time-scratch"),
            Map.entry(figureAsked("(?<![\\d.])(?:6|six)[- ]?(?:months?|mos?)\\b|(?<![\\d.])6\\s*个月|六个月"), "time-developer"),
            // comparing oneself with others: Karpathy's third rule ("keep comparing myself to kaggle grandmasters on twitter")
            Map.entry(GuardedPattern.compile(
                    "\\bcompar(?:e|es|ed|ing) (?:myself|me|yourself|ourselves|themselves|himself|herself)\\b|\\b(?:seeing|see|watching) (?:\\d+ ?(?:yo|y/o|year[- ]olds?) )?(?:kaggle )?(?:grandmasters|prodigies|geniuses)\\b|\\bmeasur(?:e|ing) myself against\\b"
                            + "|越比越|(?:跟|和|与|同)(?:别人|人|同龄人|大佬|同学|室友|同事)(?:们)?(?:比|对比|比较)|(?:比|对比|比较)(?:来比较)?自己"
                            + "|\\beveryone(?: else| here| in (?:this|the|my) (?:server|group|chat|class|cohort|discord))?(?:'s| is| seems| are)(?: so| way| already)? (?:ahead|better|faster|smarter)\\b|\\bdoubting myself\\b"
                            + "|大家都好强|别人都比我|觉得自己好废"
                            + "|(?:大佬|别人|大家|同学|群友|同事|朋友|室友)(?:们)?(?:都)?(?:已经)?(?:在)?卷[^，。？?！!]{0,20}[，, ]*我(?:还在|才|还停在|还卡在)"
                            + "|(?:大佬|别人|大家|同学|群友|同事|朋友|室友|同门|师兄|师姐|同组|身边(?:的)?人)(?:们)?都[^。？?！!]{0,30}我[^，。？?！!]{0,6}(?:还在|才|还停在|还卡在|还(?:啥|什么)都没)"
                            + "|\\b(?:everyone|everybody|people|others|ppl)\\b[^.?!]{0,80}\\bi'?m still (?:on|stuck on|learning|doing|at|figuring)\\b|\\bfeel(?:ing)? (?:so |really |super |way |kinda )?slow\\b"
                            + "|(?:有人|别人|大佬|人家)[^。？?！!]{0,20}就[^。？?！!]{0,16}了[,，\\s]*我(?:连|还|才)"
                            // others showing off their offers and papers, and the asker anxious at it
                            + "|(?:看|刷)(?:到)?(?:群里|朋友圈|别人|大佬|同学|同龄人|同门)[^，。？?！!]{0,8}晒[^。？?！!]{0,20}(?:焦虑|emo|难受|自卑|慌)"
                            + "|\\bfeel(?:ing)? (?:so |really |way |super |kinda )?behind\\b"
                            // (feeling a fraud while the job hunt is what is asked is the job hunt's question)
                            + "|(?s)^(?!.*\\b(?:land\\w*|job|jobs|hired|callbacks?|applications?|interviews?)\\b).*?\\b(?:feel|feeling|felt) like (?:a |such a |an? )?(?:fraud|impostor|imposter|failure|loser|garbage|trash|an idiot|a complete idiot)\\b"
                            + "|\\bimpost[eo]r syndrome\\b|是在劝退吗|劝退吗|看起来(?:很)?简单"
                            + "|\\b(?:everyone|everybody|others|people)(?: else)?(?: here| in (?:the |this |my )?(?:group|server|chat|discord|class))?(?:'s| is| are) (?:already )?(?:on|doing|building|training|into)\\b[^.?!]{0,40}\\b(?:and|while) i'?m still\\b",
                    Pattern.CASE_INSENSITIVE), "motivation"),
            // motivation lost, said in so many words
            Map.entry(GuardedPattern.compile(
                    "\\blost (?:all |my )*motivation\\b|\\b(?:no|zero) motivation\\b|\\bmotivation is (?:gone|dead|zero)\\b"
                            + "|(?:彻底|完全)?没(?:有)?(?:了)?动力|失去(?:了)?动力|毫无动力|提不起劲", Pattern.CASE_INSENSITIVE), "motivation"),
            // forgetting what one learns: Karpathy's second rule (teach or summarise it)
            Map.entry(GuardedPattern.compile(
                    "\\bforget(?:ting)? (?:basically |literally |almost |nearly )?(?:everything|it all|most of it|what i (?:learn|learned|learnt|study|read)|stuff|things)\\b"
                            + "|\\b(?:retain|remember) (?:what|anything|stuff|things|it)\\b|\\bnothing sticks\\b"
                            // (not "高数忘光了": forgotten maths is weak maths)
                            + "|学了就忘|记不住|学过的(?:东西)?(?:总是|老是|很快就)?忘|总是忘", Pattern.CASE_INSENSITIVE), "karpathy"),
            // the maths of a course is what stops the asker: the course for weak maths ("Ng's DL course lost me at partial
            // derivatives", "公式推导看得头大")
            Map.entry(GuardedPattern.compile(
                    "\\bmaths? (?:is|was) (?:the |my )?(?:bottleneck|problem|wall)\\b|\\blost me at\\b|\\bmaths? (?:goes|went|is going) (?:way )?over my head\\b"
                            + "|\\bmaths? (?:just )?(?:doesn'?t|does not|won'?t) click\\b|\\bstuck on the maths?\\b|\\bformulas? everywhere\\b"
                            + "|\\bmaths? (?:is|are) (?:destroying|killing|crushing|wrecking|beating) me\\b|\\b(?:drowning|dying) in (?:the )?maths?\\b"
                            + "|(?:公式|数学)(?:推导)?(?:完全|根本|有点)?(?:看不懂|看得头大|劝退|跟不上)|(?:数学|公式)(?:部分)?(?:跟不上|卡住了?)|数学(?:基础)?不够(?:用)?"
                            + "|数学(?:基础)?(?:很|太|特别|比较)?(?:渣|差|烂|弱|菜|不好)[^。？?！!]{0,24}(?:跟不上|怎么补|咋补|补数学|补什么|补啥|学不懂|看不懂)",
                    Pattern.CASE_INSENSITIVE), "maths-weak"),
            // teaching what one learns in one's own words: Karpathy's second rule
            Map.entry(GuardedPattern.compile(
                    "\\bin (?:your|my|their|one'?s) own words\\b|用自己的话", Pattern.CASE_INSENSITIVE), "karpathy"),
            // reading before bed: a chapter of Dead Simple Python every night, in the programming topic
            Map.entry(GuardedPattern.compile(
                    "睡前(?:每天|每晚)?(?:读|看)(?:啥|什么|哪本|的那本|一章)|\\b(?:before|at) bed(?:time)?\\b[^.?!]{0,30}\\bread\\w*\\b|\\bread\\w*\\b[^.?!]{0,30}\\b(?:before|at) bed(?:time)?\\b"
                            + "|\\bbedtime read(?:ing)?\\b", Pattern.CASE_INSENSITIVE), "programming-basics"),
            // theory against practice: engineering practice matters more, so learn by building
            Map.entry(GuardedPattern.compile(
                    "\\btheory (?:vs\\.?|versus|or|against|and) practi(?:c|s)e\\b|\\bpracti(?:c|s)e (?:vs\\.?|versus|or|against) theory\\b"
                            + "|理论(?:和|还是|与|跟|vs)实践|实践(?:和|还是|与|跟|vs)理论|理论(?:更)?重要还是|重理论还是重实践"
                            + "|\\b(?:more|most) important than (?:the )?theory\\b|比理论(?:更|还)重要"
                            + "|\\b(?:make|get|making|getting) (?:my |your |our )?projects? ['\"‘“]?(?:visible|seen|noticed)\\b",
                    Pattern.CASE_INSENSITIVE), "portfolio"),
            // learning everything bottom-up before doing anything: Karpathy's first rule (projects, learning on demand)
            Map.entry(GuardedPattern.compile(
                    "从底层(?:开始)?学|底层(?:都)?学透|学透(?:了)?才(?:敢)?(?:动手|开始|做)|\\bbottom[- ]up\\b|\\blearn (?:everything|it all) (?:first|before (?:doing|building|starting))\\b"
                    + "|\\b(?:all|the (?:full|whole|entire)) (?:of )?(?:the )?(?:maths?|theory)(?: sequence| curriculum)?\\b[^.?!]{0,12}\\bfirst\\b|\\b(?:all )?(?:the )?maths? first,? then (?:all )?(?:the )?ml\\b"
                    + "|(?:先)?把数学(?:全部|全都|都)学(?:完|透)(?:了)?再",
                    Pattern.CASE_INSENSITIVE), "karpathy"),
            // straight to neural networks, or given up on them: start with classic ML
            Map.entry(GuardedPattern.compile(
                    "直接(?:上|学|啃|跳到|冲)(?:神经网络|深度学习)[^，。？?！!]{0,8}(?:啃不动|学不动|放弃|劝退|太难|看不懂|行吗|可以吗|吗|还是)"
                            + "|\\b(?:go|jump|skip|went|jumped) straight (?:in)?to (?:neural (?:nets|networks)|deep learning|dl)\\b|\\bstraight (?:in)?to (?:neural (?:nets|networks)|deep learning|dl) or\\b"
                            + "|(?:神经网络|深度学习)[^。？?！!]{0,12}(?:头大|看不懂|太难|学不动)[^。？?！!]{0,20}(?:先学(?:点)?(?:简单|基础)|简单点)"
                            + "|\\b(?:neural (?:nets|networks)|deep learning)\\b[^.?!]{0,30}\\b(?:too hard|over my head|way too much)\\b[^?]{0,40}\\b(?:easier|simpler)\\b",
                    Pattern.CASE_INSENSITIVE), "classic-ml"),
            // lost in a course's maths: the maths course for deep learning
            Map.entry(GuardedPattern.compile(
                    "\\b(?:got |am |i'?m |getting )?(?:totally |completely |so )?lost (?:on|in|with) the (?:\\w+ )?maths?\\b|\\bpatch (?:up )?my maths?\\b",
                    Pattern.CASE_INSENSITIVE), "maths-weak"),
            // the asker's parents or family worried about the self-taught route: university eases their worries
            Map.entry(GuardedPattern.compile(
                    "(?:爸妈|父母|家里人?|家人|我妈|我爸)[^。？?！!]{0,10}(?:担心|念叨|不放心|不同意|反对)"
                            + "|\\b(?:my )?(?:parents|mom|mum|dad|family)\\b[^.?!]{0,30}\\b(?:worried|worry|worries|nervous|anxious|against it|disapprove)\\b"
                            + "|\\b(?:need|require|requires|needs) (?:a |an )?(?:cs |computer science |university |college )?(?:degree|diploma)\\b|需要(?:计算机)?(?:学位|文凭|学历)",
                    Pattern.CASE_INSENSITIVE), "university"),
            // what a career changer brings from another field: domain knowledge
            Map.entry(GuardedPattern.compile(
                    "(?s)^(?!.*(?:\\b(?:uni|university|college|degree|maths?)\\b|大学|读研|学位|学历|数学)).*?(?:\\bcareer[- ]?changers?\\b|\\bfrom (?:other|another|an unrelated|unrelated|non[- ]tech) (?:fields?|industr(?:y|ies)|careers?)\\b"
                            + "|之前(?:的|那些)?(?:工作)?经验(?:还)?有(?:没有)?用|(?:行业|工作)?经验[^。？?！!]{0,4}(?:全)?(?:得|要|会)?(?:清零|白费|作废))",
                    Pattern.CASE_INSENSITIVE), "career-change"),
            // a data person's gap, the few months the article gives them, no ML projects at work: the data scientist's route
            Map.entry(GuardedPattern.compile(
                    "(?:数据分析|数据科学|\\bdata analy\\w*|\\bdata scien\\w*|\\bds\\b|\\banalysts?\\b)[^。？?！!]{0,20}(?:短板|弱项|最缺|缺(?:的|啥|什么)|\\bgaps?\\b|\\bweakness\\w*)"
                            + "|(?:公司|工作|岗位|组)(?:里|中|上)?(?:没啥|没有|没什么|几乎没有?)[^。？?！!]{0,6}(?:ml|机器学习|ai|算法)\\s*(?:相关)?(?:的)?项目|\\bno (?:ml|machine learning|ai) projects? (?:at|in) (?:my )?(?:work|job|company|team)\\b",
                    Pattern.CASE_INSENSITIVE), "time-data-scientist"),
            Map.entry(figureAsked("\\ba few months\\b|几个月"), "time-data-scientist"),
            Map.entry(GuardedPattern.compile("\\bdata (?:ppl|people|folks|scientists?|analysts?)\\b[^.?!]{0,30}\\ba few months\\b|(?:数据科学家|数据分析师?|做数据的)[^。？?！!]{0,12}几个月",
                    Pattern.CASE_INSENSITIVE), "time-data-scientist"),
            // front-end skills for the portfolio: a front end makes projects tangible
            Map.entry(GuardedPattern.compile(
                    "(?:前端|\\bfront[- ]?end\\b)[^。？?！!.]{0,16}(?:作品集|\\bportfolio\\b)|(?:作品集|\\bportfolio\\b)[^。？?！!.]{0,16}(?:前端|\\bfront[- ]?end\\b)",
                    Pattern.CASE_INSENSITIVE), "portfolio"),
            // Python's internals: not needed for ML, but helpful (the Python book)
            Map.entry(GuardedPattern.compile(
                    "\\bpython(?:'s)? (?:internals|under the hood)\\b|\\bhow python works (?:internally|under the hood)\\b|python(?:的)?(?:底层|内部原理|内部机制|内部)",
                    Pattern.CASE_INSENSITIVE), "programming-basics"),
            // the book about breaking into software engineering: Quincy Larson's
            Map.entry(GuardedPattern.compile(
                    "\\b(?:broke|break|breaking|got|get|getting) into (?:software|tech|coding|programming)\\b[^.?!]{0,30}\\b(?:book|read)|\\b(?:book|read)\\w*\\b[^.?!]{0,60}\\b(?:broke|break|breaking|got) into (?:software|tech|coding)\\b"
                            + "|(?:怎么|如何)(?:自学)?成为(?:软件工程师|程序员)的(?:那本)?书",
                    Pattern.CASE_INSENSITIVE), "job-search"),
            // skipping the first course for someone who codes already: the route is a suggestion
            Map.entry(GuardedPattern.compile(
                    "\\b(?:can|could|should|do) i (?:just |safely )?skip (?:the )?(?:cs50|step (?:1|one)|the first step|the python (?:part|stage|step)|programming basics)\\b"
                            + "|(?:cs50|第一步|编程基础)(?:能不能|可以|可不可以|能|是不是可以)(?:直接)?跳(?:过)?|跳过\\s*(?:cs50|第一步)",
                    Pattern.CASE_INSENSITIVE), "flexible"),
            // Python required at all: its ecosystem
            Map.entry(GuardedPattern.compile(
                    "(?:一定|必须|非得|非要)(?:要|得)?(?:用|学|会)?\\s*python|\\b(?:do|must) i (?:really )?(?:have to|need to) (?:use|learn) python\\b|\\bwhy python\\b|为(?:什么|啥)(?:是|用|选|学)\\s*python",
                    Pattern.CASE_INSENSITIVE), "programming-basics"),
            // why the author prefers the software-engineering path
            Map.entry(GuardedPattern.compile(
                    "(?:为啥|为什么|为何)(?:作者|文章)?(?:更)?(?:推荐|建议|偏向|倾向|偏爱)(?:走)?(?:软件工程|软件开发|swe)|\\bwhy (?:does|did) (?:the )?(?:author|guide|article) (?:prefer|recommend|push|favou?r) (?:the )?(?:software|swe)",
                    Pattern.CASE_INSENSITIVE), "paths"),
            // how an MLE is judged: business impact
            Map.entry(GuardedPattern.compile(
                    "(?:mle|机器学习工程师|ml工程师)[^。？?！!]{0,6}(?:的)?(?:kpi|绩效|考核)|\\b(?:mles?|ml engineers?)'?s? (?:kpis?|performance review|metrics? of success)\\b",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // the skill tree, the skill areas as a list, the areas summed up
            Map.entry(GuardedPattern.compile("技能树|\\bskill ?tree\\b|\\bskill areas?\\b|(?<!主)(?:需要|要)(?:会|掌握|学)(?:哪些|什么)(?:东西|技能|本事)"
                    + "|软件工程\\s*[+＋]\\s*数据科学|\\b(?:software|swe)\\s*\\+\\s*(?:data|ds)\\b", Pattern.CASE_INSENSITIVE), "skills"),
            // many small projects against a couple of big polished ones
            Map.entry(GuardedPattern.compile(
                    "\\b(?:\\d+|many|lots of|tons of) (?:tiny|small|little|mini) (?:notebook |kaggle )?(?:projects|notebooks)\\b[^?]{0,80}\\b(?:\\d+|one|two|a couple(?: of)?|few) (?:big|large|polished|bigger)\\b"
                            + "|(?:\\d+|几十|很多)个小项目[^。？?！!]{0,30}(?:大项目|一两个)",
                    Pattern.CASE_INSENSITIVE), "portfolio"),
            // the book at the end of the article: Quincy Larson's
            Map.entry(GuardedPattern.compile("(?:最后|结尾|末尾)(?:推荐|提到)的(?:那本)?书|\\b(?:book|read) (?:at|in) the (?:end|bottom)\\b|\\blast book\\b", Pattern.CASE_INSENSITIVE), "job-search"),
            // the Python course from its first chapter after CS50
            Map.entry(GuardedPattern.compile(
                    "(?:helsinki|赫尔辛基|mooc)[^?？]{0,60}(?:from (?:ch(?:apter)?\\.? ?(?:1|one)|the (?:beginning|start|top))|从头|从第一章)",
                    Pattern.CASE_INSENSITIVE), "programming-basics"),
            // running a paper's results oneself
            Map.entry(GuardedPattern.compile(
                    "(?:paper|论文)\\s*(?:里|中)?的?(?:东西|结果|代码|方法)?[^，。？?！!]{0,6}(?:跑出来|复现)|(?:复现|跑)(?:一下|出)?\\s*(?:paper|论文)",
                    Pattern.CASE_INSENSITIVE), "research-papers"),
            // the route as a strict curriculum, or other resources than its picks: the resources are suggestions
            Map.entry(GuardedPattern.compile(
                    "\\bstrict (?:curriculum|order|syllabus|sequence)\\b|\\bfollowed exactly\\b|\\bfollow (?:it|the roadmap|this|them) exactly\\b|\\bno deviations?\\b|\\b(?:have to|must|need to|gotta) (?:follow|do) (?:it |the roadmap |them |everything )?(?:in )?(?:the |that |this )?exact order\\b|\\bexact order or\\b|\\bditch (?:the |all the )?(?:recommended |suggested )?(?:resources|courses)\\b"
                            + "|\\bdo my own thing\\b|不按(?:文章|路线图?|推荐)(?:的)?(?:资源|课|顺序)?来|(?:必须|一定要|非得)(?:严格)?按(?:照)?(?:文章的?|路线的?)?顺序",
                    Pattern.CASE_INSENSITIVE), "flexible"),
            // why software engineering matters to an MLE
            Map.entry(GuardedPattern.compile(
                    "软件工程(?:对|于)\\s*(?:mle|ml工程师|机器学习工程师)(?:来说)?(?:有)?(?:啥|什么)用|\\b(?:ignore|skip|forget) the (?:software|swe)(?: eng\\w*)? (?:part|side|stuff)\\b"
                            + "|\\b(?:mles?|ml engineers?)\\b[^.?!]{0,20}\\bmust be (?:proper |real |good |great )?(?:software engineers|swes|programmers)\\b",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // coding well, deployment left to others: why an MLE must be a good software engineer
            Map.entry(GuardedPattern.compile(
                    "\\bwhy (?:do|does|must|should) (?:an? )?(?:mles?|ml engineers?) (?:need to |have to |even )?(?:code|program) (?:well|properly)\\b"
                            + "|\\blet (?:the )?(?:backend|devops|software|infra|platform|other|ops) (?:guys|people|ppl|team|engineers|folks|devs)\\b[^.?!]{0,20}\\b(?:deal|handle|do|take care)\\b"
                            + "|(?:部署|上线)[^，。？?！!]{0,4}(?:交给|让|丢给)(?:后端|运维|开发|别人|工程团队)",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // the MLE as a solid software engineer, questioned
            Map.entry(GuardedPattern.compile(
                    "\\b(?:mles?|ml engineers?)\\b[^.?!]{0,25}\\b(?:have to|must|need to|gotta) be (?:an? )?\\*?(?:solid|good|strong|great|real|proper)\\*? (?:swes?|software engineers?|coders|programmers|devs)\\b"
                            + "|\\binsist\\w* on (?:proper |real |good |solid )?(?:swe|software)(?: engineering)? skills\\b"
                            + "|\\b(?:mles?|ml engineers?) (?:be|being) (?:an? )?\\*?(?:solid|good|strong|great|real|proper)\\*? (?:swes?|software engineers?|coders|programmers|devs)\\b"
                            + "|软件工程(?:能力|功底)?[^，。？?！!]{0,10}(?:到底)?有(?:啥|什么)用|(?:写代码|编程|代码|软件工程)(?:的)?(?:功底|能力)[^，。？?！!]{0,6}(?:到底)?(?:帮在哪|有啥帮助|有什么帮助|帮什么)"
                            + "|(?:mle|机器学习工程师|ml工程师)[^，。？?！!]{0,6}(?:一定|必须|非得)?要(?:把)?代码写(?:得)?好|(?:写代码|编程|代码)(?:的)?(?:功底|能力)[^，。？?！!]{0,8}(?:跟|和)[^，。？?！!]{0,8}(?:有啥|有什么)关系",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // a hands-on learner's deep-learning pick: fast.ai
            Map.entry(GuardedPattern.compile(
                    "(?:\\bhands[- ]on\\b|\\blearn(?:s|ing)?[- ]by[- ](?:doing|building|breaking)\\b|\\blearn by (?:doing|building|breaking)\\b|动手党|动手型|喜欢动手|不爱啃理论)[^。？！]{0,80}(?:\\bdl\\b|\\bdeep learning\\b|深度学习|(?<![a-z])dl(?![a-z]))",
                    Pattern.CASE_INSENSITIVE), "deep-learning"),
            // whether domain knowledge matters
            Map.entry(GuardedPattern.compile(
                    "领域知识[^，。？?！!]{0,8}(?:有用|重要|有没有用|有啥用)|\\bdomain (?:knowledge|expertise)\\b[^.?!]{0,20}\\b(?:matter|matters|useful|help|helps|important|worth)\\b",
                    Pattern.CASE_INSENSITIVE), "domain"),
            // classic algorithms before neural networks: why
            Map.entry(GuardedPattern.compile(
                    "\\b(?:old[- ]school|classic\\w*|shallow|traditional) (?:algos?|algorithms|ml|models?)\\b[^.?!]{0,30}\\bbefore (?:neural|deep|dl|nns?)\\b|先学(?:传统|经典|浅层)[^，。？?！!]{0,12}(?:为啥|为什么|有啥用|意义)",
                    Pattern.CASE_INSENSITIVE), "classic-ml"),
            // the software-engineering path first, questioned: why the article prefers it
            Map.entry(GuardedPattern.compile(
                    "\\b(?:swe|software(?: engineering)?) first\\b[^?]{0,40}\\b(?:backwards|weird|odd|why|makes? sense)\\b|\\bwhy\\b[^?]{0,30}\\b(?:swe|software(?: engineering)?) first\\b"
                            + "|(?:为啥|为什么)[^，。？?！!]{0,6}(?:推荐)?先(?:当程序员|学软件工程|走软件工程|做开发)再|(?:为啥|为什么)(?:作者)?(?:推荐|建议)先当(?:好|个)?(?:程序员|码农)"
                            + "|先(?:当|做)(?:好|个)?(?:码农|程序员)还是|先(?:搞|学|走)\\s*(?:ds|swe|数据科学?|软件工程?|数据)\\s*还是先(?:搞|学|走)"
                            + "|\\bself[- ]taught\\b[^?]{0,60}\\bwhich (?:path|route)\\b|\\bwhich (?:path|route)\\b[^?]{0,60}\\bself[- ]taught\\b",
                    Pattern.CASE_INSENSITIVE), "paths"),
            // faster modelling from better engineering; a great notebook result questioned
            Map.entry(GuardedPattern.compile(
                    "软件工程(?:好|能力强|功底好)?[^，。？?！!]{0,6}(?:让|使)?(?:建模|模型|迭代)[^，。？?！!]{0,4}更快",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            Map.entry(GuardedPattern.compile(
                    "(?:jupyter|notebook|colab)\\s*(?:里|中)[^。？?！!]{0,24}(?:不算|算不算)",
                    Pattern.CASE_INSENSITIVE), "deployed-vs-notebook"),
            // why deep learning at all, when classic ML is there: it is the industry's mainstream
            Map.entry(GuardedPattern.compile(
                    "(?:深度学习|deep learning|(?<![a-z])dl(?![a-z]))[^，。？?！!]{0,6}(?:为啥|为什么|\\bwhy\\b)[^，。？?！!]{0,6}(?:一定要|必须|非得|需要)(?:学)?"
                            + "|\\bwhy (?:do i |should i |would i )?(?:even )?(?:need|learn|bother with) deep learning\\b|(?:shallow|经典|传统|浅层)\\s*(?:ml|机器学习)?\\s*不够(?:用)?",
                    Pattern.CASE_INSENSITIVE), "deep-learning"),
            // what else an MLE does besides products: making operations more efficient
            Map.entry(GuardedPattern.compile(
                    "除了(?:做)?产品[^。？?！!]{0,12}(?:还能|还)(?:干|做)|\\bbesides (?:building )?products\\b[^.?!]{0,30}\\b(?:mle|ml engineer)s?\\b",
                    Pattern.CASE_INSENSITIVE), "role"),
            // what to have before the classic ML course: the programming basics
            Map.entry(GuardedPattern.compile(
                    "(?:学|上)[^，。？?！!]{0,8}(?:机器学习|ml)(?:课)?(?:之前|前)(?:需要|要|得)?(?:准备|先学|会)(?:啥|什么|些什么)"
                            + "|\\bwhat (?:should|shud|shd|do|must) i (?:have )?(?:done|know|learn(?:ed)?) before (?:starting |taking |doing )?(?:the )?(?:classic(?:al)? |shallow |first )?(?:ml|machine learning)\\b",
                    Pattern.CASE_INSENSITIVE), "programming-basics"),
            // the classic ML stage: what "shallow" means, what the stage is for
            Map.entry(GuardedPattern.compile(
                    "shallow\\s*(?:ml|machine learning)?\\s*(?:指的是|是什么|是啥|是指)|浅层(?:机器学习)?(?:指的是|是什么|是啥|是指)|\\bwhat (?:is|does) shallow (?:ml|machine learning)\\b"
                            + "|\\b(?:point|purpose) of (?:the )?(?:classic(?:al)?|shallow|traditional) (?:ml|machine learning)\\b",
                    Pattern.CASE_INSENSITIVE), "classic-ml"),
            // the three deep-learning options
            Map.entry(GuardedPattern.compile(
                    "\\b(?:3|three) (?:dl|deep learning) (?:options|courses|resources|picks)\\b|(?:dl|深度学习)(?:的)?(?:三个|3个|三种|3种)(?:选择|资源|课)",
                    Pattern.CASE_INSENSITIVE), "deep-learning"),
            // whether the author is some top expert
            Map.entry(GuardedPattern.compile(
                    "\\b(?:the )?author\\b[^.?!]{0,30}\\b(?:top|big[- ]name|famous|world[- ]class) (?:expert|researcher|engineer)\\b|\\bwho is this (?:guy|author|dude)\\b",
                    Pattern.CASE_INSENSITIVE), "source"),
            // a separate maths course: the one for deep learning's maths
            Map.entry(GuardedPattern.compile("\\b(?:separate|extra|dedicated|standalone) maths? course\\b|单独(?:的)?(?:一门)?数学课", Pattern.CASE_INSENSITIVE), "maths-weak"),
            // after the deep-learning basics, as the article's text says: pick a domain
            Map.entry(GuardedPattern.compile(
                    "(?:dl|深度学习)\\s*(?:的)?基础[^，。？?！!]{0,6}(?:学完|搞定|过完|掌握)|\\bafter (?:the )?(?:dl|deep learning) basics\\b|\\b(?:done|finished) (?:with )?(?:the )?(?:dl|deep learning) basics\\b",
                    Pattern.CASE_INSENSITIVE), "choose-domain"),
            // the very first day on the route: the first stage
            Map.entry(GuardedPattern.compile(
                    "\\bday (?:1|one) of (?:this|the) (?:roadmap|route|guide)\\b[^?]{0,20}\\b(?:what (?:do|should) i (?:do|start with)|where (?:do|should) i start)\\b|(?:路线图?|文章)(?:的)?第一天[^，。？?！!]{0,10}(?:干嘛|做什么|学什么|从哪)",
                    Pattern.CASE_INSENSITIVE), "programming-basics"),
            // which niche an application area calls for: the domain topic (language models for text, CNNs for images)
            Map.entry(GuardedPattern.compile(
                    "(?:\\bnlp\\b|\\bcv\\b|\\btext\\b|\\bcomputer vision\\b|\\bspeech\\b|文本|图像|视觉|语音)[^.?!。？！]{0,30}(?:\\bspeciali[sz]\\w*|\\bfocus on\\b|专攻|深耕|专精|主攻)",
                    Pattern.CASE_INSENSITIVE), "domain"),
            // what the job is: the article's definition, MLE against researcher
            Map.entry(GuardedPattern.compile(
                    "(?:mle|ml工程师|机器学习工程师)(?:的)?(?:定义|到底是(?:干|做)(?:啥|什么)的)|\\bwhat (?:even |exactly |actually )?is an? (?:mle|ml engineer|machine learning engineer)\\b|\\bdefinition of (?:an? )?(?:mle|ml engineer|machine learning engineer)\\b"
                            + "|\\b(?:mle|ml engineer)s?\\s+(?:or|vs\\.?|versus)\\s+(?:an? )?(?:ml )?(?:researcher|research scientist)s?\\b|(?:mle|机器学习工程师)(?:还是|和|跟)(?:ml)?(?:研究员|researcher)",
                    Pattern.CASE_INSENSITIVE), "role"),
            // who the author is
            Map.entry(GuardedPattern.compile(
                    "作者(?:本人)?(?:是)?(?:啥|什么)(?:背景|来头|水平)|作者(?:本人)?(?:是不是|是)(?:那种)?(?:顶级|大牛|专家|大佬)|\\b(?:the )?author'?s? (?:own )?background\\b",
                    Pattern.CASE_INSENSITIVE), "source"),
            // a run that finishes and looks right but is off: silent bugs
            Map.entry(GuardedPattern.compile(
                    "(?:训练|跑)(?:完了|完|得挺好|正常)[^。？?！!]{0,16}(?:看着|看起来)(?:也)?(?:挺|很)?(?:对|正常|没问题)",
                    Pattern.CASE_INSENSITIVE), "silent-bugs"),
            // which half is harder or quicker to learn, ML or software engineering: Brockman's remark
            Map.entry(GuardedPattern.compile(
                    "\\b(?:ml|machine learning|swe|software(?: engineering)?)\\b[^.?!]{0,12}\\b(?:or|vs\\.?|versus|and)\\b[^.?!]{0,6}\\b(?:ml|machine learning|swe|software(?: engineering)?)\\b"
                            + "(?<=\\b(?:ml|learning|swe|software|engineering))(?=[^.]{0,40}\\b(?:harder|easier|faster|quicker|slower|longer)\\b)"
                            + "|\\b(?:harder|easier|faster|quicker|slower) to (?:learn|pick up)\\b[^.?!]{0,40}\\b(?:ml|machine learning)\\b[^.?!]{0,12}\\b(?:or|vs\\.?|versus)\\b[^.?!]{0,6}\\b(?:swe|software)"
                            + "|(?:机器学习|ml)(?:和|跟|还是|与)(?:软件工程|swe|软件开发|编程)[^。？?！!]{0,10}(?:哪个|谁)(?:更)?(?:难|快|容易|好学)"
                            + "|(?:软件工程|swe|软件开发)(?:和|跟|还是|与)(?:机器学习|ml)[^。？?！!]{0,10}(?:哪个|谁)(?:更)?(?:难|快|容易|好学)",
                    Pattern.CASE_INSENSITIVE), "brockman"),
            // starting over as a junior after the switch: a developer's experience is valued, seniority may be kept
            Map.entry(GuardedPattern.compile(
                    "从\\s*(?:junior|初级|头)\\s*(?:开始|重新)?(?:干起|做起|开始)|重新(?:从)?\\s*(?:junior|初级)(?:干起|做起|开始)?|(?:资历|职级)(?:会不会)?(?:清零|归零|白费|作废)|降级(?:成|为|到)?(?:junior|初级)"
                            + "|\\b(?:start (?:over|again|from scratch) as (?:an? )?(?:junior|entry[- ]level)|back to (?:being (?:a )?)?junior|lose my seniority|keep my seniority|downlevel\\w*|take a (?:title|level) cut)\\b",
                    Pattern.CASE_INSENSITIVE), "time-developer"),
            // Python deeper after the first course, or whether the Python book must be finished first: the programming stage
            Map.entry(GuardedPattern.compile(
                    "(?:再|先)?补补\\s*python|\\b(?:more )?python depth\\b|python\\s*再补|(?:python|py)[^，。？?！!]{0,6}(?:再|更)?(?:学|钻研|搞)(?:得)?(?:深|深入|透)(?:一点|一些|点)?|(?:深入|进一步)(?:学|学习)\\s*python"
                            + "|\\b(?:go|dig|get) deeper (?:in|into|with|on) python\\b|\\b(?:deepen|level up) my python\\b|\\bmore (?:advanced|in-depth) python\\b"
                            + "|dead ?simple ?python[^，。？?！!]{0,12}(?:读完|看完|精读|从头|全部|每一章)|\\b(?:finish|read) (?:all of |the whole |through )?dead simple python\\b",
                    Pattern.CASE_INSENSITIVE), "programming-basics"),
            // which maths an MLE needs, asked as topics or as an amount; whether it can be skipped (unless a path is named:
            // then the paths topic says not to postpone it forever)
            Map.entry(GuardedPattern.compile(
                    // (the extra maths for very big models or data, or the optional maths, is the advanced maths topic's)
                    "(?s)^(?!.*(?:大模型|海量|数据量|超大|大规模|可选|optional|huge|massive|large[- ]scale|big (?:data|models?)|very large)).*?"
                            + "(?:\\bhow much maths?\\b|\\bwhat maths?,? (?:bare )?minimum\\b|\\bwhat maths? (?:do|does|should|would|will) (?:i|you|an? mle|one)\\b"
                            + "|(?:要|得)(?:会|学|懂)?(?:哪些|多少|什么|啥)数学|(?:哪些|多少)数学|数学(?:到底)?(?:要|得)(?:补|学)(?:哪几门|哪些|哪几|啥)|\\bwhich maths? (?:do|does|should|would|will) (?:i|you|an? mle|one)\\b|数学(?:到底)?(?:要|得)(?:学|会)?(?:多少|哪些|啥|到什么程度)|数学不重要吧)"
                            + "|(?s)^(?!.*(?:\\bpaths?\\b|\\broutes?\\b|\\bswe\\b|software|路线|路径|软件|工程)).*?(?:\\b(?:skip|avoid|never touch|ignore) (?:the )?maths? (?:completely|entirely|altogether|forever)\\b|\\bnever touch maths?\\b|数学(?:能不能|可以|能)(?:先)?不(?:管|学))|\\bwhich maths? (?:topics? |subjects? |areas? )?(?:does|do|will|would) (?:the )?(?:roadmap|guide|article|author|i|you|an? mle)\\b[^.?!]{0,30}\\bneed",
                    Pattern.CASE_INSENSITIVE), "maths"),
            // how an MLE's work is measured: by its business impact
            Map.entry(GuardedPattern.compile(
                    "(?:工作)?(?:成果|成效|业绩|表现|成绩)[^，。？?！!]{0,6}(?:靠|用|怎么|如何|怎样)[^，。？?！!]{0,4}衡量"
                            + "|\\bhow (?:is|are) (?:an? )?(?:mles?|ml engineers?)'?s? (?:work|success|performance|impact) (?:measured|judged|evaluated)\\b",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // what university gives
            Map.entry(GuardedPattern.compile(
                    "(?:上|读)大学[^。!！]{0,16}(?:有)?(?:啥|什么|哪些)好处|\\bbenefits? of (?:going to )?(?:uni|university|college)\\b|\\bwhat does (?:uni|university|college) (?:give|offer)\\b",
                    Pattern.CASE_INSENSITIVE), "university"),
            // courses after courses and no project finished: Karpathy's first rule (concrete projects, finished in depth);
            // hopping between courses
            Map.entry(GuardedPattern.compile(
                    "\\b(?:bounc\\w*|hop\\w*|jump\\w*|switch\\w*) (?:between|from) (?:courses|tutorials|resources)\\b|\\bhopping around\\b|(?:课|课程)[^，。？?！!]{0,4}(?:跳来跳去|换来换去)|\\bnever (?:finish|finished|complete|completed|build|built|ship|shipped) (?:a |any |one )?(?:real |actual |single )?projects?\\b"
                            + "|\\btutorial hell\\b|\\bkeep (?:doing|watching|starting|buying) (?:new )?(?:tutorials|courses)\\b"
                            + "|一直(?:在)?刷课|只(?:会)?刷课|光刷课|课看麻了|一个项目都没(?:做|写)(?:过)?"
                            + "|\\b(?:just )?collecting (?:certificates|certs|courses)\\b|只会考证|光考证"
                            + "|\\b(?:months|weeks|years) of (?:tutorials|courses|watching (?:videos|lectures))\\b",
                    Pattern.CASE_INSENSITIVE), "karpathy"),
            // a model that only lives in a notebook, weighed against a simple one that is live
            Map.entry(GuardedPattern.compile(
                    "(?:\\b(?:lives?|living|sits?|sitting|stuck|only) in (?:a |my |the )?(?:colab|jupyter|notebooks?)\\b|(?:colab|jupyter|notebook)里)"
                            + "[^\\n]{0,120}(?:\\b(?:is live|goes live|deployed|in an app|worth more|toy)\\b|上不了线|上线|玩具|部署)",
                    Pattern.CASE_INSENSITIVE), "deployed-vs-notebook"),
            // writing about one's progress: sharing what one learns
            Map.entry(GuardedPattern.compile(
                    "\\b(?:writing|write|post|posting|tweeting) (?:threads?|tweets?|blog posts?|posts|a blog)\\b[^.?!]{0,30}\\babout (?:my|what i)\\b",
                    Pattern.CASE_INSENSITIVE), "share-learning"),
            // getting others to try a project: a front end
            Map.entry(GuardedPattern.compile(
                    "\\b(?:recruiters?|people|others|ppl|anyone|hiring managers?|users?) (?:actually |can |could )?(?:try|use|play with|click on) (?:it|my (?:project|app|model|demo))\\b"
                            + "|让(?:别人|面试官|hr|招聘的人)(?:能)?(?:直接)?(?:试用|体验|玩|用上|试一下)",
                    Pattern.CASE_INSENSITIVE), "portfolio"),
            // whether an MLE reads papers
            Map.entry(GuardedPattern.compile(
                    "(?:mle|机器学习工程师|ml工程师|算法工程师)[^。？?！!]{0,10}(?:要|得|需要|也要)(?:会)?(?:读|看|啃|找)\\s*(?:论文|paper)"
                            + "|\\b(?:do|does|must|should) (?:an? )?(?:mles?|ml engineers?) (?:need to |have to |really |even )?read (?:research )?papers\\b",
                    Pattern.CASE_INSENSITIVE), "research-papers"),
            // ML as a part of computer science
            Map.entry(GuardedPattern.compile(
                    "\\bpart of (?:cs|computer science)\\b|\\b(?:branch|subfield) of (?:cs|computer science)\\b|(?:ml|机器学习)(?:跟|和|与)(?:cs|计算机科学?)(?:有)?(?:啥|什么)关系|计算机科学的(?:一个)?分支",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // a data scientist at a ceiling: the data scientist's route
            Map.entry(GuardedPattern.compile(
                    "(?:数据科学家|数据分析师?|data scientist|\\bds\\b|analyst)[^。？?！!]{0,40}(?:瓶颈|天花板|到顶|升不上去|\\bceiling\\b|\\bplateau\\w*|\\bhit a wall\\b)",
                    Pattern.CASE_INSENSITIVE), "time-data-scientist"),
            // landing the job beyond skills
            Map.entry(GuardedPattern.compile(
                    "\\bhow (?:do|can|would|should) (?:i|you|ppl|people|one) (?:actually )?(?:land|get) (?:the|a|my first|an?) (?:\\w+ )?job\\b"
                            + "|找工作(?:还)?(?:需要|要|得)(?:准备|靠)?(?:啥|什么)|除了技能[^。？?！!]{0,12}(?:找工作|工作|还)",
                    Pattern.CASE_INSENSITIVE), "job-search"),
            // which skills, asked as requirements
            Map.entry(GuardedPattern.compile("\\bwhat (?:all )?skills (?:are|is) (?:required|needed)\\b", Pattern.CASE_INSENSITIVE), "skills"),
            // automation and one's own tools, better models from better engineering, only the modelling part: why an MLE
            // must be a good software engineer
            Map.entry(GuardedPattern.compile("为啥说自动化|自动化(?:为啥|为什么)(?:很)?重要|(?:还要|要)自己写工具"
                    + "|\\b(?:better|good|strong) (?:swe|software engineer|programmer|coder)\\b[^?]{0,30}\\bmodels? better\\b"
                    + "|工程能力(?:强|好)[^。？?！!]{0,10}模型[^。？?！!]{0,6}(?:更好|更强)|\\bjust do the model(?:l)?ing(?: part)?\\b|只(?:想)?(?:做|搞)建模",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // data wrangling as the MLE's job
            Map.entry(GuardedPattern.compile(
                    "\\bdata (?:wrangling|cleaning)\\b[^?]{0,40}\\b(?:mle|ml engineer)|\\b(?:mle|ml engineer)'?s?\\b[^?]{0,40}\\bdata (?:wrangling|cleaning)\\b",
                    Pattern.CASE_INSENSITIVE), "data-skills"),
            // in a related role: learn on the job
            Map.entry(GuardedPattern.compile(
                    "(?:进了|进入|找到|拿到)(?:一个)?(?:ml|机器学习)?相关(?:的)?(?:岗位|职位|工作)|\\bonce (?:you'?re|i'?m|you are|i am) in a (?:related|relevant) (?:role|job)\\b",
                    Pattern.CASE_INSENSITIVE), "career-change"),
            // only some of the resources, or projects instead of courses: the route is flexible
            Map.entry(GuardedPattern.compile(
                    "(?:能不能|可以|可不可以)只挑|一个不落|一门不落|按顺序刷完|死板地?学|(?:能不能|可以|可不可以)(?:直接)?(?:做|通过)项目(?:来)?学|(?:能|可以|能不能)换(?:别的|其他|其它)(?:的)?(?:资源|课)",
                    Pattern.CASE_INSENSITIVE), "flexible"),
            // from scratch in a year, claimed: the article says about 18 months full time
            Map.entry(GuardedPattern.compile(
                    "(?:从零|零基础|0基础)[^。？?！!]{0,16}(?:一年|1年|半年|\\d+个月)[^。？?！!]{0,10}(?:对吧|靠谱吗|够吗|真的吗|行吗|可以吗)",
                    Pattern.CASE_INSENSITIVE), "time-scratch"),
            // who the route is for: the estimates by starting point
            Map.entry(GuardedPattern.compile(
                    "\\bwho (?:is|'s) (?:this|the) (?:guide|roadmap|article|route|post) (?:for|aimed at|written for)\\b"
                            + "|\\b(?:is|was) (?:this|the) (?:guide|roadmap|article|route) (?:for|aimed at|meant for|written for) (?:total |complete |absolute )?(?:beginners|noobs|newbies|devs|developers)\\b"
                            + "|(?:这|这篇|这份|路线图|文章)[^，。？?！!]{0,6}(?:是)?(?:写给谁|给谁看|适合(?:什么|哪些|哪类)人|适合(?:零基础|小白|新手)吗)",
                    Pattern.CASE_INSENSITIVE), "time-overview"),
            // a model that trains fine and looks right, asked what is bad about it: the silent bugs
            Map.entry(GuardedPattern.compile(
                    "\\b(?:trains?|runs?|training) (?:fine|ok|okay|normally|without errors?)\\b[^?]{0,60}\\b(?:looks?|seems?) (?:right|fine|ok|okay|good|normal|plausible)\\b"
                            + "[^\\n]{0,80}\\b(?:bad|wrong|danger\\w*|scar\\w*|worr\\w*|trust|problem|bugs?)\\b"
                            + "|\\b(?:what'?s|what is) (?:so )?(?:bad|wrong|dangerous|scary) about\\b[^?]{0,40}\\b(?:trains?|runs?) (?:fine|ok|okay)\\b",
                    Pattern.CASE_INSENSITIVE), "silent-bugs"),
            // which maths is optional: numerical methods and optimisation
            Map.entry(GuardedPattern.compile(
                    "(?:哪些|什么|啥)数学(?:是)?(?:可选|选修|选学|不是必须|非必须)|可选的?数学|\\b(?:optional|nice[- ]to[- ]have) maths?\\b|\\bwhich maths? (?:is|are) (?:optional|nice to have)\\b",
                    Pattern.CASE_INSENSITIVE), "maths-advanced"),
            // the "if necessary" of the summary's fourth step: Full Stack Open
            Map.entry(GuardedPattern.compile(
                    "['\"‘“]if (?:necessary|needed)['\"’”]|\\bif necessary\\b[^.?!]{0,20}\\b(?:part|bit|mean|means|refer)|如有必要|必要的话|“如果有必要”|\"如果有必要\"",
                    Pattern.CASE_INSENSITIVE), "fullstackopen"),
            // JavaScript too hard: worth pushing through, a second language in the toolkit
            Map.entry(GuardedPattern.compile(
                    "(?<![a-z])(?:js|javascript)[^，。？?！!]{0,6}(?:好难|太难|难学|学不下去|学不动|劝退)|\\b(?:js|javascript) is (?:so |too |really |kinda )?(?:hard|painful|confusing)\\b|\\bstruggl\\w* with (?:js|javascript)\\b",
                    Pattern.CASE_INSENSITIVE), "fullstackopen"),
            // showing what one has learned, besides a front end: writing about it
            Map.entry(GuardedPattern.compile(
                    "展示(?:学习)?成果|\\bshow(?:case)? (?:what i(?:'ve| have)? learn\\w*|my progress|my learning)\\b",
                    Pattern.CASE_INSENSITIVE), "share-learning"),
            // the software-engineering step, asked what it teaches
            Map.entry(GuardedPattern.compile(
                    "软件工程(?:那|这)(?:一)?(?:步|阶段|部分|块)[^。？?！!]{0,8}(?:学|讲|是)|\\bthe (?:software engineering|swe|web dev) (?:step|stage)\\b[^.?!]{0,30}\\b(?:learn|cover|teach|about)\\w*",
                    Pattern.CASE_INSENSITIVE), "fullstackopen"),
            // the order of the courses, asked whether it is fixed: the route is flexible
            Map.entry(GuardedPattern.compile(
                    "(?:顺序|次序)(?:能|可以|可不可以|能不能)(?:自己)?(?:调|改|换|打乱|变)|按部就班|\\bcan i (?:change|swap|shuffle|rearrange|switch) (?:up )?the order\\b"
                            + "|\\b(?:is|'s) the order (?:strict|fixed|flexible|mandatory|set in stone)\\b",
                    Pattern.CASE_INSENSITIVE), "flexible"),
            // which bug to fear most, and a run that looks fine but feels off: the silent logic bugs
            Map.entry(GuardedPattern.compile(
                    "\\b(?:worst|scariest|nastiest|most dangerous) (?:kinds? of |kinda |type of |sort of )?(?:bugs?|errors?)\\b"
                            + "|\\b(?:trains?|runs?) fine\\b[^?]{0,80}\\b(?:feels?|seems?|looks?) off\\b"
                            + "|最坑的?(?:bug|错误)|最(?:可怕|危险|难搞|头疼)的(?:bug|错误)|哪种bug最", Pattern.CASE_INSENSITIVE), "silent-bugs"),
            // what the job is, asked in so many words ("按这篇路线图的定义,机器学习工程师到底是干嘛的")
            Map.entry(GuardedPattern.compile(
                    "(?:机器学习工程师|mle|ml工程师)(?:到底|究竟)?是(?:干嘛|做什么|干什么|做啥|干啥)的"
                            + "|(?:这个?岗位|这个职位|这份工作)[^，。？?！!]{0,6}(?:到底|究竟)?(?:干啥|干嘛|做什么|做啥|干什么)"
                            + "|\\bwhat (?:does|do) (?:an? )?(?:mle|ml engineer|machine learning engineer)s? (?:actually |really |even )?do\\b",
                    Pattern.CASE_INSENSITIVE), "role"),
            // code or maths first: the two paths
            Map.entry(GuardedPattern.compile(
                    "\\b(?:master|learn|finish|do) (?:all )?(?:the )?maths? (?:first )?before (?:touching|writing|learning|doing) (?:any )?(?:code|coding|programming)\\b"
                            + "|\\bmaths? first\\b[^.?!]{0,40}(?:\\bthen\\b|→|->)[^.?!]{0,30}\\b(?:code|coding|programming)\\b"
                            + "|先(?:刷|啃|学)(?:统计|数学)还是先(?:把)?工程|先(?:把)?工程能力(?:练|补)[^，。？?！!]{0,6}还是(?:先)?(?:刷|啃|学)?(?:统计|数学)"
                            + "|当程序员[^。？?！!]{0,10}还是[^。？?！!]{0,4}(?:啃|学)数学|(?:刷|学)(?:ml|机器学习)(?:课)?还是先(?:把)?工程能力|先[^，。？?！!]{0,3}数学[^，。？?！!]{0,4}(?:再|然后|后)[^，。？?！!]{0,2}(?:编程|写代码|代码)|先(?:学|练)?(?:编程|写代码|代码)(?:再|然后|后)(?:啃|学|补|刷)?数学"
                            + "|\\b(?:maths?|mathematics) first,? (?:and )?then (?:coding|programming|code)\\b|\\b(?:coding|programming|code) first,? (?:and )?then (?:maths?|mathematics)\\b|先(?:学|练)?(?:写代码|编程|代码)还是先(?:啃|学|补|刷)?数学|先(?:啃|学|补|刷)?数学还是先(?:学|练)?(?:写代码|编程|代码)"
                            + "|\\b(?:maths?|mathematics) first or (?:coding|programming|code)\\b|\\b(?:coding|programming|code) first or (?:maths?|mathematics)\\b",
                    Pattern.CASE_INSENSITIVE), "paths"),
            // the ideal background or route: a CS degree with internships, in the students' topic
            Map.entry(GuardedPattern.compile(
                    "(?:最)?理想(?:的|情况下的?)?(?:背景|路线|路径|学法|情况)|\\bideal['’\"]? (?:background|path|route|setup|way)\\b",
                    Pattern.CASE_INSENSITIVE), "students"),
            // no wish to publish: the ML engineer is no researcher
            Map.entry(GuardedPattern.compile(
                    "(?:发|写|搞)(?:paper|论文|顶会)[^。？?！!]{0,8}(?:没兴趣|不感兴趣|不想|没啥兴趣)"
                            + "|\\b(?:don'?t|do not) (?:care about|want to|wanna) (?:publish\\w*|write papers|do research)\\b|\\bno interest in (?:publishing|papers|research)\\b",
                    Pattern.CASE_INSENSITIVE), "role"),
            // which half is quicker to learn: Brockman's words
            Map.entry(GuardedPattern.compile(
                    "\\b(?:quicker|faster|easier|harder) to (?:pick up|learn) (?:ml|machine learning) or (?:swe|software(?: engineering)?)\\b"
                            + "|(?:机器学习|ml)(?:和|跟)(?:软件工程|swe)哪个(?:更)?(?:难|快|容易)", Pattern.CASE_INSENSITIVE), "brockman"),
            // applications without replies: skills are not enough, show them
            Map.entry(GuardedPattern.compile(
                    "\\b(?:applications?|applied|resumes?|cvs?)\\b[^.?!]{0,60}\\b(?:0|zero|no|not a single|not one) (?:replies|reply|responses?|callbacks?|interviews?|answers?)\\b"
                            + "|\\b(?:zero|0|no) (?:callbacks|replies|responses)\\b|石沉大海|没(?:有)?(?:人)?回(?:音|复)|(?:简历|申请)[^，。？?！!]{0,10}(?:没人理|没回音|没消息|全挂|都挂|全军覆没)",
                    Pattern.CASE_INSENSITIVE), "job-search"),
            // a book about becoming a software engineer: Quincy Larson's, in the job topic
            Map.entry(GuardedPattern.compile(
                    "(?:书|\\bbooks?\\b)[^。？?！!]{0,50}(?:成为|当上|became|become|becoming|switch(?:ing)? (?:in)?to|making the switch (?:in)?to|getting into|break(?:ing)? into|journey (?:in)?to|path (?:in)?to)[^。？?！!]{0,12}(?:软件工程师|程序员|software|developer|programmer|coder|tech)"
                            + "|(?:成为|当上)(?:软件工程师|程序员|工程师|开发者)(?:的)?(?:历程|经历|故事)?(?:的)?(?:书|书籍)",
                    Pattern.CASE_INSENSITIVE), "job-search"),
            // whether the asker's earlier field or experience counts: the career changer's domain knowledge
            Map.entry(GuardedPattern.compile(
                    "\\b(?:experience|background|degree|years?|what i (?:did|studied|learned))\\b[^.?!]{0,40}\\b(?:wasted|useless|worthless|count for|transfer|carry over|any use|of use)\\b"
                            + "|\\bdoes (?:any of )?(?:that|this|it|my \\w+) (?:transfer|count|carry over)\\b"
                            + "|\\bthrow(?:ing)? (?:away|out) (?:all )?(?:my |that |those )?(?:\\w+ )?(?:experience|background|years|degree)\\b"
                            + "|(?:以前|之前|本科|原来|过去)(?:学的|的经验|的背景|的专业|做的)(?:那些|东西)?[^，。？?！!]{0,6}(?:有用|白费|白学|没用|浪费|用得上|还有用)",
                    Pattern.CASE_INSENSITIVE), "career-change"),
            // the level the whole route takes you to: entry level
            Map.entry(GuardedPattern.compile(
                    "\\b(?:if|once|when|after) i (?:follow|finish|complete|do|go through|get through) (?:all (?:of )?(?:this|it)|everything|the whole|this whole|the entire)\\b"
                            + "[^.!]{0,60}\\b(?:hireable|employable|job[- ]ready|entry[- ]level|junior|senior|noob|hobbyist|what level|ready)\\b"
                            + "|(?:整套|全部|整个路线|这套路线)[^，。？?！!]{0,8}(?:学完|走完)[^，。？?！!]{0,10}(?:什么|啥|哪个)(?:水平|级别|程度)",
                    Pattern.CASE_INSENSITIVE), "summary"),
            // faster experiments: the third reason an MLE must be a good software engineer
            Map.entry(GuardedPattern.compile(
                    "\\bexperiments? (?:go |run |get )?faster\\b|\\bfaster at (?:\\w+ )?experiments?\\b|\\bspeed of (?:the |my |your )?experiments?\\b|\\bfaster experiments?\\b|\\btrial and error\\b"
                            + "|\\biterat\\w* (?:faster|quicker)\\b|实验(?:更|变得?)快|实验(?:的)?速度|试错(?:更快|的?速度)|迭代(?:得)?更快",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // research skills: finding papers fast and reproducing them
            Map.entry(GuardedPattern.compile("\\bresearch skills?\\b|研究能力", Pattern.CASE_INSENSITIVE), "research-papers"),
            // the data skills an MLE needs, and the best way to a good model (digging into the data)
            Map.entry(GuardedPattern.compile(
                    "\\bdata skills?\\b|\\bskills? (?:with|for|around) data\\b|数据(?:方面|相关|处理)?(?:的|需要|要|得)?(?:啥|什么|哪些|会)?(?:能力|技能|功底)"
                            + "|(?:好|更好|优秀)的?模型[^。？?！!]{0,12}(?:最有效|最好|最快|最靠谱)的?(?:方法|办法|途径)|\\b(?:best|most effective|fastest) way to (?:get|build|make|train) (?:a )?(?:good|great|better) models?\\b",
                    Pattern.CASE_INSENSITIVE), "data-skills"),
            // the two paths, named by their number
            Map.entry(GuardedPattern.compile(
                    "\\b(?:the )?(?:two|2) (?:main |usual )?(?:paths|routes|tracks|ways in|ways into)\\b|两条(?:路|路径|路线|道路)",
                    Pattern.CASE_INSENSITIVE), "paths"),
            // why software engineering first, asked about the recommendation itself
            Map.entry(GuardedPattern.compile(
                    "\\bwhy (?:does|did|would) (?:the )?(?:author|article|guide|roadmap|he) (?:push|recommend|prefer|favou?r|suggest|pick)\\w* (?:the )?(?:swe|software)|\\b(?:swe|software(?: engineering)?|coding)[- ]first\\b[^.?!]{0,60}\\bwhy\\b|\\bwhy\\b[^.?!]{0,40}\\b(?:swe|software(?: engineering)?|coding)[- ]first\\b"
                            + "|先(?:当|做|干)(?:几年)?(?:码农|程序员|开发|软件工程师)(?:再|然后)转[^。？?！!]{0,20}(?:好在哪|为什么|为啥|有啥好处|图啥|意义)",
                    Pattern.CASE_INSENSITIVE), "paths"),
            // a model taken to production and run over its whole life, asked how to learn: MLOps
            Map.entry(GuardedPattern.compile(
                    "(?:\\bproductioni[sz]\\w*|\\b(?:in|into|to) prod(?:uction)?\\b|\\b(?:whole|full|entire) (?:\\w+ )?life ?cycle\\b|生产环境|全生命周期|整个生命周期)"
                            + "[^。？?！!]{0,60}(?:\\bhow (?:do|can|should|would) (?:i|you|one|we)\\b|\\bhow to\\b|\\blearn\\w*\\b|\\bresources?\\b|\\bcourses?\\b|怎么|如何|学(?:啥|什么)|资源|课)"
                            + "|(?:\\bhow (?:do|can|should|would) (?:i|you|one|we)\\b|\\bhow to\\b|\\blearn\\w*\\b|怎么|如何)[^。？?！!]{0,60}"
                            + "(?:\\bproductioni[sz]\\w*|\\b(?:in|into|to) prod(?:uction)?\\b|\\b(?:whole|full|entire) (?:\\w+ )?life ?cycle\\b|生产环境|全生命周期|整个生命周期)",
                    Pattern.CASE_INSENSITIVE), "mlops"),
            // numerical methods and optimisation, asked whether needed: optional, for very big data or models
            Map.entry(GuardedPattern.compile(
                    "(?:numerical methods|numerical analysis|optimi[sz]ation theory|数值方法|数值计算|数值分析|优化理论)[^。？?！!]{0,40}"
                            + "(?:\\bneed\\w*\\b|\\brequired\\b|\\bnecessary\\b|\\bmust\\b|\\bday (?:1|one)\\b|要不要|需要|必须|必要|专门学)"
                            + "|(?:\\bneed\\w*\\b|\\brequired\\b|\\bnecessary\\b|\\bmust\\b|要不要|需要|必须)[^。？?！!]{0,20}(?:numerical methods|optimi[sz]ation theory|数值方法|优化理论)",
                    Pattern.CASE_INSENSITIVE), "maths-advanced"),
            // the maths course for deep learning (deeplearning.ai's), asked who gives it
            Map.entry(GuardedPattern.compile(
                    "\\bmaths?[- ]for[- ](?:deep[- ]learning|dl|ml|machine[- ]learning)\\b|(?:深度学习|机器学习|dl|ml)(?:的|用的)?数学(?:课|课程)",
                    Pattern.CASE_INSENSITIVE), "maths-weak"),
            // the reasons software engineering matters, asked as reasons
            Map.entry(GuardedPattern.compile(
                    "\\breasons?\\b[^.?!]{0,30}\\b(?:swe|software engineer\\w*|software engineering|good (?:coder|programmer))\\b|\\b(?:swe|software engineering)\\b[^.?!]{0,30}\\breasons?\\b"
                            + "|软件工程[^，。？?！!]{0,8}(?:理由|原因)|(?:理由|原因)[^，。？?！!]{0,8}软件工程",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // a portfolio that stands out; many tiny notebooks: one or two big projects
            Map.entry(GuardedPattern.compile(
                    "\\b(?:\\d+|many|lots of|a bunch of|bunch of|a dozen) (?:tiny|small|little|basic|toy|beginner) (?:notebooks|projects)\\b|(?:很多|一堆|好多|十几个|几个)小项目"
                            + "|(?:titanic|mnist|iris|泰坦尼克)[^。？?！!]{0,40}(?:项目|作品集|portfolio)|(?:项目|作品集|portfolio)[^。？?！!]{0,40}(?:titanic|mnist|iris|泰坦尼克)|作品集(?:要|该|应该)?(?:咋|怎么|如何)(?:做|弄|搞)|作品集[^，。？?！!]{0,8}(?:显眼|出彩|脱颖而出)"
                            + "|\\bhow (?:do|should|can) i (?:build|make) (?:a |my )?portfolio\\b|\\bportfolio\\b[^.?!]{0,30}\\bstand out\\b",
                    Pattern.CASE_INSENSITIVE), "portfolio"),
            // how hard the route is: not easy, not impossible
            Map.entry(GuardedPattern.compile(
                    "(?:作者|文章)(?:有)?(?:说|觉得|认为)[^，。？?！!]{0,6}(?:难不难|简单吗|容易吗|难吗)|(?:这条路|这路线|这个路线|路线)[^，。？?！!]{0,6}(?:简单吗|难不难)"
                            + "|\\bwhat does (?:the )?(?:author|article|guide) say about how (?:hard|difficult|tough)\\b|\\bis (?:this|it) (?:even )?doable\\b|\\bhow (?:hard|difficult|tough) is (?:this|the|it)(?: (?:roadmap|route|guide|path|whole thing))?\\b|\\bsugar ?coat\\w*"
                            + "|(?:这|这条|这个|这份)(?:路线|路线图|学习路线)[^，。？?！!]{0,4}(?:有多难|难不难|难吗)",
                    Pattern.CASE_INSENSITIVE), "motivation"),
            // the best way to show one's projects: a front end others can try
            Map.entry(GuardedPattern.compile(
                    "(?:怎么|如何)让(?:别人|大家|更多人)(?:能)?(?:看到|看见|注意到)(?:我的)?(?:项目|作品)|(?:展示|展现|呈现)(?:自己的?|我的)?(?:项目|作品)[^。？?！!]{0,12}(?:最好|方式|办法|怎么)|(?:怎么|如何)(?:展示|展现|呈现)(?:自己的?|我的)?(?:项目|作品)"
                            + "|\\b(?:best|good|right) way to (?:show(?:case)?|present|share) (?:off )?(?:my |your |a |our )?projects?\\b"
                            + "|\\bbest way\\b[^.?!]{0,30}\\bshow (?:it|them|my (?:model|project|work|app))\\b|\\bshow (?:it|them|my (?:model|project|work)) to (?:ppl|people|recruiters|others|employers)\\b|\\bhow (?:do|should|can) (?:i|you|we) (?:show(?:case)?|present) (?:off )?(?:my |your |our )?projects?\\b",
                    Pattern.CASE_INSENSITIVE), "portfolio"),
            // which skills an MLE needs, asked as a list
            Map.entry(GuardedPattern.compile(
                    "(?:需要|要会|得会|要掌握|需要掌握)(?:哪几块|哪几个|哪些|什么|啥)(?:方面的?)?(?:技能|能力)|(?:哪几块|哪些)技能"
                            + "|\\bwhat (?:skills|skillset|skill set) (?:do(?:es)?|should|must) (?:an? )?(?:mles?|ml engineers?|machine learning engineers?|i|you)\\b",
                    Pattern.CASE_INSENSITIVE), "skills"),
            // very big data or models at work, and which maths: numerical methods and optimisation
            Map.entry(GuardedPattern.compile(
                    "(?:数据量|数据规模|模型规模)[^，。？?！!]{0,6}(?:巨大|很大|特别大|超大|大得|上亿|海量)[^。？?！!]{0,20}数学|海量数据[^。？?！!]{0,20}数学"
                            + "|\\b(?:huge|massive|enormous|giant|very (?:big|large)) (?:data(?:sets?)?|models?)\\b[^.?!]{0,40}\\bmaths?\\b",
                    Pattern.CASE_INSENSITIVE), "maths-advanced"),
            // university or teaching oneself, weighed: the article's view on university
            Map.entry(GuardedPattern.compile(
                    "(?:上|读|去|念)大学[^。？?！!]{0,20}(?:还是|或者|vs|,|，| )[^。？?！!]{0,12}自学|自学[^。？?！!]{0,20}(?:还是|或者|vs)[^。？?！!]{0,10}(?:上|读|去|念)大学"
                            + "|\\b(?:university|uni|college|a degree)\\b[^.?!]{0,30}\\b(?:or|vs\\.?|versus)\\b[^.?!]{0,15}\\bself[- ]?(?:taught|teach\\w*|study\\w*|learn\\w*)\\b"
                            + "|\\bself[- ]?(?:taught|teach\\w*|study\\w*|learn\\w*)\\b[^.?!]{0,30}\\b(?:or|vs\\.?|versus)\\b[^.?!]{0,15}\\b(?:university|uni|college|a degree)\\b",
                    Pattern.CASE_INSENSITIVE), "university"),
            // the route not followed to the letter, a resource swapped for another: the route is flexible
            Map.entry(GuardedPattern.compile(
                    "没(?:有)?(?:完全|严格|全)?按(?:照)?(?:路线图?|文章|顺序|roadmap)(?:来|走|学)|走偏|偏离(?:了)?(?:路线|路线图|文章)"
                            + "|\\b(?:didn'?t|did not|don'?t|do not|not) follow(?:ing)? (?:the (?:roadmap|route|guide|order)|it) (?:exactly|strictly|to the letter|in order|100 ?%)\\b"
                            + "|\\b(?:swapped|replaced|subbed|substituted)\\b[^.?!]{0,30}\\b(?:for|with)\\b[^.?!]{0,40}\\b(?:ok|okay|fine|bad|problem|matter|wrong)\\b",
                    Pattern.CASE_INSENSITIVE), "flexible"),
            // why an MLE must be a real software engineer, in other words ("solid SWEs", "自己造工具")
            Map.entry(GuardedPattern.compile(
                    "\\bwhy (?:do|does|must|should|would) (?:an? )?(?:mles?|ml engineers?|machine learning engineers?) (?:even |really )?"
                            + "(?:need to|have to|got to|gotta|must) (?:be|become) (?:a )?(?:good|solid|strong|great|real|proper|decent)\\b"
                            + "|(?:为啥|为什么|为何)[^，。？?！!]{0,8}(?:要|得|必须)(?:会)?(?:自己)?(?:造工具|做工具|写工具|懂计算机原理|写工具搞自动化|搞自动化)"
                            + "|\\bwhy (?:do|does|would) (?:an? )?(?:mles?|ml engineers?) need (?:real |strong |good |serious |solid )?(?:coding|programming|engineering|software) skills\\b"
                            + "|\\bwhy (?:do|would|should|must) (?:i|we|you|one) (?:even )?(?:need to|have to|gotta|must) be (?:a )?(?:good|solid|strong|great|real|proper|decent) (?:swe|software engineer|coder|programmer|developer|dev)s?\\b"
                            + "|\\bcan'?t (?:i|u|you|we|they) just (?:do it |clean (?:it|the data) |handle (?:it|the data) )?(?:by hand|manually|in excel)\\b"
                            + "|数据量[^，。？?！!]{0,10}(?:很大|大吗|多大)|(?:手工|人工|手动)(?:处理|整理|清洗)数据"
                            // "a GOOD software engineer and not just 'able to code'", "光会写代码够不够"
                            + "|\\bnot (?:just|only|merely) ['\"‘“*]*(?:being )?(?:able to code|coding|a coder|knowing (?:how to code|python))\\b"
                            + "|\\bnot (?:just|only|merely) (?:someone|somebody|a person|people|a guy) (?:who|that) ['\"‘“*]*(?:can|could) code\\b"
                            + "|光会(?:写)?代码(?:够不够|不够|就行|行不行|可以吗)|不(?:只是|仅仅是|光是)会写代码"
                            // "a good software engineer, or is knowing python enough", "会写python脚本还不够?"
                            + "|\\b(?:good|proper|real|solid)\\*? (?:swe|software engineer)s?\\b[^?]{0,50}\\b(?:python|coding|code|scripts?)\\b[^?]{0,12}\\benough\\b"
                            + "|\\b(?:python|coding|code|scripts?)\\b[^?]{0,12}\\benough\\b[^?]{0,50}\\b(?:good|proper|real|solid)\\*? (?:swe|software engineer)s?\\b"
                            + "|会写(?:python)?(?:脚本|代码)(?:还)?不够",
                    Pattern.CASE_INSENSITIVE), "why-software"),
            // the book that goes with fast.ai: Practical Deep Learning for Coders, in the deep learning stage
            Map.entry(GuardedPattern.compile(
                    "(?:fast\\.?ai)[^。？?！!]{0,10}(?:配套|对应)的?(?:那本)?书|\\bbook that goes with (?:the )?fast\\.?ai\\b|\\bfast\\.?ai(?:'s)? book\\b",
                    Pattern.CASE_INSENSITIVE), "deep-learning"),
            // the books the route names (after the needs that name one book by what it is about)
            Map.entry(GuardedPattern.compile(
                    "(?:有|有没有)(?:推荐|提到|列)?(?:的)?(?:python|深度学习|机器学习|ml|dl|编程)?(?:的)?(?:书|书籍)(?:吗|么|嘛|没)"
                            + "|\\bis there a (?:\\w+ )?book\\b|\\b(?:any|a) (?:\\w+ )?books? (?:in|that) the (?:roadmap|guide|article)\\b|\\bbooks? (?:the|this) (?:roadmap|guide|article) (?:mentions|recommends|lists)\\b|(?:点名|推荐|提到|列)(?:了)?(?:哪些|哪几本|什么|几本)书|\\bwhich books? (?:does|did|do) (?:the|this) (?:guide|article|roadmap|route)\\b|\\bwhat books (?:does|did|are)\\b",
                    Pattern.CASE_INSENSITIVE), "books"),
            // the whole route in short: the five-step summary
            Map.entry(GuardedPattern.compile(
                    "\\b(?:whole|entire) (?:guide|roadmap|article|route|thing) (?:as|in) (?:a )?(?:numbered )?(?:list|checklist|nutshell|one (?:line|sentence|paragraph))\\b"
                            // the five-step summary asked for as a whole, not one of its steps
                            + "|(?s)^(?!.*(?:\\bsteps? ?#?\\d|第[一二三四五12345]步|\\b(?:first|second|third|fourth|fifth|last) step\\b)).*?(?:\\b(?:5|five)[- ]step (?:summary|list|plan|version|recap)\\b|五步(?:总结|路线)|五个步骤的?总结)"
                            + "|\\bnumbered checklist\\b|(?:整篇|全文|整个路线)[^，。？?！!]{0,6}(?:一句话|清单|列个表|总结成)"
                            + "|(?:文末|结尾|最后)(?:的|那)?(?:五步|5步)|总结(?:一)?下[^，。？?！!]{0,6}(?:五步|5步)",
                    Pattern.CASE_INSENSITIVE), "summary"));

    /** What one quoted person said, by its content: Brockman's "ML is quicker to learn than software engineering". */
    private static final List<Map.Entry<GuardedPattern, String>> QUOTES = List.of(
            Map.entry(GuardedPattern.compile(
                    "\\b(?:learning )?(?:ml|machine learning) is (?:\\w+ ){0,2}(?:faster|quicker|easier) (?:to (?:learn|pick up) )?than (?:learning )?(?:swe|software(?: engineering)?)\\b"
                            + "|学(?:ml|机器学习)比学(?:软件工程|swe|软件)(?:要)?(?:快|容易)|(?:ml|机器学习)比(?:软件工程|swe)(?:好学|容易学|学得快)",
                    Pattern.CASE_INSENSITIVE), "brockman"),
            // Karpathy's third rule, quoted by its content
            Map.entry(GuardedPattern.compile(
                    "只(?:跟|和|与)(?:过去|以前|昨天)的自己比|\\bcompare yourself (?:only )?(?:to|with|against) (?:your )?(?:past|former|younger|yesterday'?s?) self\\b"
                            + "|\\bonly compare (?:yourself )?(?:to|with) (?:your )?(?:past|former|younger) self\\b",
                    Pattern.CASE_INSENSITIVE), "karpathy"));

    /** The quoted person whose words the message quotes by content, whoever it names. */
    static Optional<String> quoteOf(String q) {
        return QUOTES.stream().filter(n -> n.getKey().find(q)).map(Map.Entry::getValue).findFirst();
    }

    /** Asking how long, in so many words ("要多久", "how long"): narrower than the service's time cue. */
    private static final GuardedPattern TIME_CUE_ASKED = GuardedPattern.compile(
            "\\bhow (?:long|many (?:months|years|weeks))\\b|多久|多长时间|几个月能|要几年", Pattern.CASE_INSENSITIVE);

    private static final GuardedPattern SEVERAL_ASKED = GuardedPattern.compile("[?？][^?？]+[?？]");
    /** Projects named: "zero callbacks, should I keep adding little projects" asks about the projects. */
    private static final GuardedPattern PROJECTS_NAMED = GuardedPattern.compile("\\bprojects?\\b|项目|作品集|portfolio", Pattern.CASE_INSENSITIVE);

    private StatedNeed() {
    }

    /** Something beyond the portfolio asked for: "除了作品集还有啥加分项", "besides projects what gets you hired". */
    private static final GuardedPattern BEYOND_PROJECTS = GuardedPattern.compile(
            "除了(?:作品集|项目)[^。？?！!]{0,8}还(?:有|要|需要)|\\b(?:besides|other than|apart from|beyond) (?:a |my |the )?(?:portfolio|projects)\\b[^.?!]{0,30}\\b(?:job|hired|land|stand out|help)",
            Pattern.CASE_INSENSITIVE);

    /**
     * The id of the topic the message's stated need points to (the situation is the one read from the same message); empty when it states none, asks how long (the
     * situation's estimate answers), asks several things (one need is not all it asks) or, for applications without
     * replies, names projects.
     */
    static Optional<String> topicOf(String q, Situation situation) {
        // (a time question from someone who states a situation gets the situation's estimate; "is this even doable",
        // read as a time question, states none)
        if (situation.asksTime() && situation.statesSomething() || TIME_CUE_ASKED.find(q)
                || SEVERAL_ASKED.find(q)) {
            return Optional.empty();
        }
        if (BEYOND_PROJECTS.find(q)) {
            return Optional.of("job-search");
        }
        return NEEDS.stream().filter(n -> n.getKey().find(q))
                .filter(n -> !n.getValue().equals("job-search") || !PROJECTS_NAMED.find(q)).findFirst()
                .map(Map.Entry::getValue);
    }
}
