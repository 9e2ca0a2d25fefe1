package studybuddy.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message asks for, when that is something the roadmap never covers even though the message uses its words:
 * fixing an error or a training run, the price, refund or account of a course platform, a derivation or explanation
 * of an ML concept or how to build and tune a model, writing code or homework, choosing hardware or between frameworks
 * and tools, salary figures, news and the job market's future, interview preparation, or another area of life that
 * only borrows "stage", "path" or "project", or whether something is legal. Read before the topic match, so that sharing words with a
 * topic ("Andrew Ng", "loss", "project") no longer answers such a message with that topic.
 * <p>
 * Each kind needs what is asked for, not a subject alone: "do I need backprop before fast.ai?" or "要不要学PyTorch"
 * stay roadmap questions, "derive backprop step by step" or "PyTorch还是TensorFlow" do not.
 */
enum OutOfScope {
    /** An error, a crash, a run that does not learn: "CUDA out of memory", "loss变成nan怎么办". */
    TROUBLESHOOTING,
    /** Price, refund, certificate, financial aid or account of a course or platform. */
    ACCOUNT,
    /**
     * How a named course is laid out: how many lectures or lessons, how long each runs, how many hours a week it takes,
     * whether it exists in another language, where its solutions are. The roadmap says which course and why, never this.
     */
    COURSE_DETAILS,
    /** A derivation or an explanation of an ML concept: "gradient descent step by step", "讲讲注意力机制的原理". */
    EXPLANATION,
    /** Writing, fixing or running code for the asker. */
    CODE,
    /** Which GPU or computer to buy, which framework to pick over another. */
    GEAR,
    /** Salary and pay figures. */
    SALARY,
    /** News and releases of models and companies, and where the job market is heading. */
    NEWS,
    /** Interview preparation: which questions come up, LeetCode, "八股". */
    INTERVIEWS,
    /**
     * Things to use that the roadmap never lists, asked for by name: Kaggle competitions, datasets to practise on,
     * YouTube channels, podcasts, newsletters, a cover letter.
     */
    UNLISTED,
    /**
     * A book or course the roadmap does not list, asked about by name (is it good, which is better, what is in it):
     * 李沐's 动手学深度学习, 花书, 西瓜书, CS229. The roadmap's own picks are another matter ("which Andrew Ng course").
     */
    OTHER_RESOURCE,
    /** Another area of life (a band, a child's school, a renovation) that only borrows the roadmap's generic words. */
    ELSEWHERE,
    /** Small talk about the bot itself: "are you a real person", "你是真人吗", "which GPT are you". */
    BOT_ITSELF,
    /** Whether something is legal or allowed: scraping a site for data, licences, copyright, privacy law. */
    LEGAL,
    /** A route to another career: a data engineer's or a product manager's roadmap. */
    OTHER_CAREER,
    /**
     * Despair beyond study fatigue ("活着都没意思", "I want to die"): a person to talk to, not roadmap advice. Read before
     * everything else, and answered alone, whatever else the message asks.
     */
    CRISIS;

    /**
     * A word boundary between Latin letters and anything else: Java's own {@code \\b} counts Chinese characters as
     * letters, so it finds no boundary in mixed text such as "loss变成nan怎么办".
     */
    private static final String EDGE = "(?:(?<=[a-z0-9_])(?![a-z0-9_])|(?<![a-z0-9_])(?=[a-z0-9_]))";

    /**
     * Case is folded once, on the message (ASCII letters only), and the patterns are written and compiled in lower case:
     * a case-insensitive pattern folds every character it compares, at every position of every alternative, which was
     * a third of this reading's CPU (Unicode case folding, before, a fifth of the whole Q&A's). The patterns are English
     * and Chinese, so ASCII folding is all they ever needed.
     */
    private static Scan compile(String regex) {
        String full = lowerLiterals(edges(regex));
        return new Scan(GuardedPattern.compile(full), GuardedPattern.compile(withoutChineseAlternatives(full)));
    }

    /**
     * A pattern, and the same pattern without its alternatives that need a Chinese character: a message with none
     * (half of them) is read by the second, which tries at every position of the message only what can match there.
     */
    static final class Scan {
        private final GuardedPattern full;
        private final GuardedPattern latin;

        Scan(GuardedPattern full, GuardedPattern latin) {
            this.full = full;
            this.latin = latin;
        }

        Matcher matcher(CharSequence text) {
            return (hasIdeograph(text) ? full : latin).matcher(text);
        }

        boolean find(CharSequence text) {
            return (hasIdeograph(text) ? full : latin).find(text);
        }

        String pattern() {
            return full.pattern().pattern();
        }
    }

    private static boolean hasIdeograph(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2e80' && (Character.isIdeographic(c) || Character.isSurrogate(c))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The regex without its top-level alternatives that hold a Chinese character as a required literal (outside any
     * group, class or escape, and not made optional): none of them can match a text without one. "(?!)" when none is left.
     */
    static String withoutChineseAlternatives(String regex) {
        List<String> kept = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        boolean needsChinese = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                if (!needsChinese) {
                    kept.add(regex.substring(start, i));
                }
                start = i + 1;
                needsChinese = false;
            } else if (depth == 0 && Character.isIdeographic(c) && !optional(regex, i + 1)) {
                needsChinese = true;
            }
        }
        if (!needsChinese) {
            kept.add(regex.substring(start));
        }
        return kept.isEmpty() ? "(?!)" : String.join("|", kept);
    }

    /** Where a word must start: the boundary when what follows can only begin with a word character. */
    private static final String WORD_START = "(?<![a-z0-9_])";

    /**
     * The regex with each "\\b" written as {@link #EDGE}, or as {@link #WORD_START} when what follows it must begin
     * with a word character (a letter, "\\w", "\\d", or a group each of whose alternatives does): the same matches,
     * and the check run at every position of the message is one look-behind instead of four look-arounds.
     */
    static String edges(String regex) {
        StringBuilder out = new StringBuilder(regex.length() * 2);
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                if (regex.charAt(i + 1) == 'b') {
                    out.append(startsWithWord(regex, i + 2, regex.length()) ? WORD_START : EDGE);
                } else {
                    out.append(c).append(regex.charAt(i + 1));
                }
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean wordLiteral(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Whether a quantifier at {@code at} lets the element before it match nothing ("?", "*", "{0"). */
    private static boolean optional(String r, int at) {
        return at < r.length() && (r.charAt(at) == '?' || r.charAt(at) == '*' || r.startsWith("{0", at));
    }

    /** Whether whatever the regex matches from {@code at} (up to {@code end}) must begin with a word character. */
    private static boolean startsWithWord(String r, int at, int end) {
        if (at >= end) {
            return false;
        }
        char c = r.charAt(at);
        if (wordLiteral(c)) {
            return !optional(r, at + 1);
        }
        if (c == '\\' && at + 1 < end && (r.charAt(at + 1) == 'w' || r.charAt(at + 1) == 'd')) {
            // "\\w*error": nothing or word characters, then a word character all the same
            return !optional(r, at + 2) || (r.charAt(at + 2) != '{' && startsWithWord(r, at + 3, end));
        }
        if (c == '(') {
            if (r.startsWith("(?", at) && !r.startsWith("(?:", at)) {
                return false; // a look-around or a flag group
            }
            List<int[]> alternatives = alternatives(r, at);
            int close = alternatives == null ? -1 : alternatives.get(alternatives.size() - 1)[1];
            if (close < 0 || close >= end || optional(r, close + 1)) {
                return false;
            }
            for (int[] alternative : alternatives) {
                if (!startsWithWord(r, alternative[0], alternative[1])) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /** The index of the "]" closing the character class opened at {@code open}. */
    private static int classEnd(String r, int open) {
        int i = open + 1;
        if (i < r.length() && r.charAt(i) == '^') {
            i++;
        }
        if (i < r.length() && r.charAt(i) == ']') {
            i++;
        }
        for (; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']') {
                return i;
            }
        }
        return r.length();
    }

    /**
     * The [start, end) of each top-level alternative of the group opened at {@code open} (the last one ends at the
     * group's ")"); null when the group is never closed.
     */
    private static List<int[]> alternatives(String r, int open) {
        List<int[]> out = new ArrayList<>();
        int start = r.startsWith("(?:", open) ? open + 3 : open + 1;
        int depth = 0;
        for (int i = start; i < r.length(); i++) {
            char c = r.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(r, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                out.add(new int[] {start, i});
                return out;
            } else if (c == '|' && depth == 0) {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        return null;
    }

    /** The regex with its ASCII letters in lower case, except escapes ("\\S", "\\w", "\\d" keep their meaning). */
    private static String lowerLiterals(String regex) {
        StringBuilder out = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
            } else {
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            }
        }
        return out.toString();
    }

    /** The message with its ASCII letters in lower case, as the patterns expect. */
    private static String lower(String message) {
        char[] chars = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (chars == null) {
                    chars = message.toCharArray();
                }
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return chars == null ? message : new String(chars);
    }

    /** The roadmap's own subject: a message naming it is about learning ML, whatever else it mentions. */
    private static final Scan ANCHOR = compile(
            "\\b(?:ml|mle|ai|machine learning|deep learning|dl|data|python|cod(?:e|ing|er)|program\\w*|software|developer|dev"
                    + "|engineer\\w*|math\\w*|maths|model\\w*|algorithm\\w*|course\\w*|cs50|mooc|career|job|estimate|tech"
                    + "|background|switch\\w*|transition\\w*|applications?|resume|cv"
                    + "|\\d+\\s?(?:h|hrs?|hours?)(?: a| per| each)? (?:week|day|evening|night)|study\\w*)\\b"
                    + "|机器学习|深度学习|编程|代码|程序|软件|开发|数学|数据|模型|算法|工程师|课程|计算机|转行|(?<![a-z])AI(?![a-z])|python|学习时间|每周|每天.{0,4}小时|文末|五步|人工智能");

    /** Whether the bot is a person or which model it is: small talk, not a roadmap question. */
    private static final Scan BOT_ITSELF_ASKED = compile(
            "\\bare (?:you|u) (?:a |an )?(?:real (?:person|human)|human|person|bot|robot|ai|chatgpt|gpt)\\b"
                    + "|\\b(?:real (?:person|human)|human) or (?:a )?(?:bot|robot|ai)\\b|\\bwhich (?:gpt|model|llm) are (?:you|u)\\b"
                    + "|你是(?:真人|人|机器人|ai|AI|gpt|GPT|chatgpt|ChatGPT)[^，。？?！!]{0,4}(?:吗|嘛|么|还是|\\?|？|$)|你是gpt几|你是哪个模型|你是什么模型|你是啥模型|真人还是机器人"
                    + "|\\bwhat (?:model|llm|ai) are (?:you|u)\\b|\\bare (?:you|u) (?:gpt|chatgpt|claude|gemini)[- ]?\\d*\\b"
                    // the bot's own tastes and tiredness: "whats ur fav anime", "do u dream in python", "你自己会不会累"
                    + "|\\b(?:what'?s|whats|what is|what are) (?:your|ur|yr) (?:fav(?:ou?rite)?|fave)s?\\b|\\bdo (?:you|u) (?:ever )?(?:dream|sleep|get tired|eat)\\b"
                    + "|你(?:自己)?(?:会不会|会)累|你累(?:不累|吗)|你(?:是)?用(?:什么|啥|哪个)(?:大)?模型|你(?:最)?喜欢(?:什么|啥|哪)");
    /** Words that say which mistake is meant when the roadmap's own subject is asked: silent bugs. */
    private static final Scan SILENT_BUGS = compile(
            "\\b(?:silent\\w*|subtl\\w*|worst (?:kinds? of |kinda |type of |sort of )?(?:bugs?|errors?|mistakes?)|(?:kinds?|types?|sorts?) of (?:bugs?|errors?)"
                    + "|bugs? (?:that|which)|(?:do(?:es)?n'?t|do not|never|without|no) (?:crash\\w*|errors?)|wrong (?:outputs?|results?|answers?)"
                    + "|looks? (?:right|fine|ok|correct)|finish\\w* (?:fine|ok|without)|looks? (?:kinda |pretty |sort of )?(?:reasonable|plausible|normal)"
                    + "|(?:feels?|seems?) (?:a bit |kinda )?off|something(?:'s| is) off|smth (?:feels |is )?off"
                    + "|(?:most|more) (?:scared|afraid|worried|dangerous)|scariest|nastiest|worst (?:ones?|kind)|(?:which|what) (?:bug|error)s? (?:should|to|is|are))\\b"
                    + "|隐蔽|不报错|没报错|悄悄|怪怪的|不对劲|最坑的?|最头疼|最难搞|最麻烦的(?:bug|错误|问题)|看起来(?:正确|没问题|对)|看着对|哪种(?:bug|错误)"
                    + "|最怕|最棘手|最危险|最可怕|明显的错误|其实是错的|看着也?对|看起来也?对|其实有问题"
                    + "|比.{0,6}(?:内存溢出|爆显存|报错|oom).{0,4}(?:难|坑|麻烦|可怕)");

    private static final Scan TROUBLE = compile(
            "\\b(?:(?<!trial[- ]and[- ]|trial and |trial-and-)\\w*error|\\w*errors|\\w*exceptions?|traceback|(?:is|are|got|seems?) broken|install\\w*|set ?up (?:cuda|conda|pytorch|tensorflow|a gpu)|drivers?|diverg\\w*|stack ?trace|crash(?:es|ed|ing)?|segfault|oom|out of memory"
                    + "|nan|nans|inf loss|cuda error|device-side|module ?not ?found\\w*|importerror|no module named"
                    + "|won'?t (?:run|work|load|install|import|converge|train)|(?<!\\b(?:or|otherwise|else) it )doesn'?t (?:run|work|converge|train|learn)"
                    + "|(?:is|are|model|network|net|it|loss|accuracy)(?:'s)? not (?:converging|learning|training|improving|decreasing)|isn'?t (?:learning|improving|decreasing|converging)"
                    + "|exploding|vanishing gradients?|overfit\\w*|underfit\\w*|fails? to (?:run|install|load|import|train)"
                    + "|(?:accuracy|loss|val(?:idation)?) (?:is |keeps |stays )?(?:stuck|flat|plateau\\w*|not going down)"
                    + "|(?:accuracy|loss|acc) (?:goes|went|keeps going|going) (?:up|down)|hyperparameter tuning|tune (?:the |my )?hyperparameters"
                    + "|(?:why (?:is|does|do|are) )?my (?:val(?:idation)? |train(?:ing)? |test )?(?:model|network|net|classifier|training"
                    + "|loss|accuracy|gradients?|predictions?)(?:'s)? (?:\\w+ ){0,4}(?:predicts?|outputs?|returns?|gives?|stuck|always"
                    + "|only predicts|diverg\\w*|wrong|worse|not|higher|lower|increas\\w*|zero|negative)"
                    + "|keeps? (?:dying|crashing|freezing|restarting)|kernel (?:died|dies|dying)"
                    + "|(?:can'?t|cannot|doesn'?t|does not|won'?t) (?:see|find|detect|recogni[sz]e|use|access) (?:the |my |any )?"
                    + "(?:gpus?|cuda|drivers?|device|kernel|module|package|librar(?:y|ies))|nvidia-smi|works on (?:the |my )?host"
                    + "|training (?:is )?(?:too |so |very |really )?slow|speed up (?:my |the )?training"
                    + "|(?:won'?t|doesn'?t|does not|can'?t) (?:learn|train|converge))\\b"
                    + "|permission denied|access denied|command not found|no such file|报\\s*(?=[a-z])|(?:一直|老是|总是)?报[^，。？?！!]{0,6}错误|报错|出错|错误信息|异常(?!检测|值检测)|显存(?:爆|不够|不足|溢出|占满)|爆显存|内存(?:爆|不够|不足|溢出)|溢出|\\bnan\\b|nan了|不收敛|跑不起来|跑不通|运行不了"
                    + "|装不上|安装失败|导入失败|一直失败|哪里错|哪错了|出bug|有bug|训练(?:得)?(?:太|很|好|特别)?慢|加速训练|乱码|(?<!天天|每天|整天|就是|调|包|不就|只会|只是|只想|就想|只管|光|≠|=|等于|不是)调参(?!侠|师|工程师|仔|党|boy|炼丹|就行|就够)|配环境|环境配置|(?:我的|我这个)模型[^，。？?！!]{0,15}(?:预测|输出|全是|都是|不准|很差|不对|不行|崩|卡|不收敛)|梯度(?:爆炸|消失)|过拟合|欠拟合|(?:准确率|精度|loss|损失|acc)[^，。？?！!,.]{0,8}"
                    + "(?:卡|不动|不降|不下降|上不去|不变|不涨|震荡|很高|很低|一直)");

    /** A course or platform that may be paid for, enrolled in or logged into. */
    private static final Scan PLATFORM = compile(
            "\\b(?:coursera|udemy|edx|udacity|datacamp|deeplearning\\.ai|fast\\.ai|course|courses|specialization|chatgpt(?: plus| pro)?|claude pro|copilot|gpt plus"
                    + "|specialisation|spec|mooc|cs50|lectures?|nanodegree)\\b|课|慕课|网课|专项|证书|平台");

    private static final Scan PRICE = compile(
            "\\b(?:is (?:it|this|that|the|\\S+)(?: \\S+){0,5} free|free\\s*\\?|for free|free or paid|paid or free|price|pricing"
                    + "|how much (?:is|are|does (?:it|this|that) cost|do (?:they|these) cost)(?! (?:enough|needed|required|the math))"
                    + "|priced|cost|costs|pay for|paying for|paid|fee|fees|subscription|subscribe|discount|coupon|certificates?|(?:college |university |academic |transfer )credits?"
                    + "|cert|audit|free trial|billing|charged|money back|worth the money|cancel\\w*|cohort|start date|next session"
                    + "|under \\$\\s?\\d+|below \\$\\s?\\d+|cheaper than|on sale|worth \\$\\s?\\d+"
                    + "|(?:live )?(?:lectures?|sessions?|classes|cohort|course) (?:start|begin)s?|what time ?zone|deadlines?|due dates?|extensions?)(?:\\b|(?<=\\?))"
                    + "|免费吗|是免费|免费的吗|免费不|要钱|收费|价格|多少钱|付费|花钱|证书|学分|优惠|订阅|扣费|旁听|试用|开课时间|什么时候开课|直播时间|截止日期|截止时间|延期");

    /** A course the roadmap names, or a course or lecture series in general. */
    private static final Scan COURSE_NAMED = compile(
            "\\b(?:cs50|helsinki|mooc|fast\\.?ai|lecun\\w*|nyu|andrew ng|ng'?s|specializ\\w*|specialis\\w*|full ?stack ?open|fso|hugging ?face"
                    + "|full ?stack deep learning|fsdl|course|courses|lectures?|class)\\b"
                    + "|赫尔辛基|吴恩达|纽约大学|专项课|课程|网课|公开课|这门课|那门课|的课|课一共|讲座");
    /** A detail of a course's layout asked for: its number of lessons, their length, the weekly hours, a translation, solutions. */
    private static final Scan COURSE_DETAIL = compile(
            "\\bhow many (?:lectures|lessons|videos|episodes|modules|units|weeks|chapters|problem sets|psets|assignments|labs|parts)\\b"
                    + "|\\bhow (?:long|many (?:hours|minutes)) (?:is|are|does|do) (?:each|every|one|a single|the) (?:lecture|lesson|video|episode|module)s?\\b"
                    + "|\\bhow many hours (?:a|per|each|every) week (?:does|do|will|would|should) (?:\\S+ ){0,4}(?:take|need|require)\\b"
                    + "|\\b(?:homework|assignment|exercise|pset|problem set|lab|quiz)s? (?:solutions?|answers?|answer keys?)\\b|\\bsolutions? (?:posted|online|available|anywhere)\\b"
                    + "|\\b(?:in|a|an|have an?|with) (?:chinese|spanish|french|german|portuguese|japanese|korean|arabic|russian|hindi|vietnamese|indonesian|turkish|italian)"
                    + " (?:version|translation|dub|audio)\\b|\\b(?:available|offered|taught) in (?:chinese|spanish|french|german|portuguese|japanese|korean|arabic|russian|hindi|vietnamese|indonesian|turkish|italian)\\b"
                    + "|\\bhow many hours of (?:video|content|lectures?|footage)\\b|\\b(?:homework|assignment|exercise|pset|problem set|lab)s? (?:come with|have|with) (?:\\w+ )?(?:solutions?|answers?)\\b"
                    + "|\\bhow many (?:hours|hrs?)(?: (?:a|per|each|every) |/)week (?:does|do|will|would|should|is|are)\\b"
                    + "|\\bhow many hours (?:a|per|each|every) week (?:is|are)\\b|\\bhow many (?:courses|weeks) (?:is|are|does|do|in)\\b"
                    + "|(?:一共|总共|共)(?:有)?(?:几|多少)门课|每门(?:课)?(?:要|得|需要)?(?:学)?(?:多少|几)(?:个)?(?:周|星期|月|小时|天)"
                    + "|一共(?:有)?(?:几|多少)(?:节|集|讲|课|个视频|周|章)|(?:几|多少)个\\s*(?:part|部分|章节|模块|单元)|(?:几|多少)(?:节课|集|讲|个视频|个lecture)|每(?:节|集|讲|课)(?:课)?(?:大概|大约)?(?:多长|多久|几分钟|多少分钟)"
                    + "|(?:每周|一周)(?:要|得|需要)?(?:花|投入)?(?:几|多少)(?:个)?小时(?:才能|能)?(?:学完|跟上)?(?:吗|呢|啊)?$"
                    + "|(?:哪年|哪一年|什么时候)录(?:的|制)|录制(?:时间|年份)|\\bwhen was (?:it|that|this|the (?:course|class|lecture series)) (?:recorded|filmed)\\b|(?:官方)?中文版|汉化|中文翻译|中文配音|(?:作业|习题|课后题|练习)[^，。？?！!]{0,4}(?:答案|解答|题解)"
                    + "|\\bfinal project\\b[^.?!]{0,20}\\b(?:requirements?|rubric|grading|graded|pass)\\b|final project[^，。？?！!]{0,6}(?:具体)?(?:要求|评分|标准)|(?:作业|项目)(?:的)?(?:评分|打分|及格)标准");

    /** Projects weighed against certificates: how to show one's skills, the roadmap's job advice. */
    private static final Scan PROJECTS_OVER_CERTIFICATES = compile(
            "(?:项目|作品集|实习|\\bprojects?|\\bportfolio|\\binternships?)[^。？?！!]{0,16}(?:证书|\\bcert(?:ificate)?s?\\b)"
                    + "|(?:证书|\\bcert(?:ificate)?s?\\b)[^。？?！!]{0,16}(?:项目|作品集|实习|\\bprojects?|\\bportfolio|\\binternships?)");
    /** Money and account matters that are about a platform whatever else the message names. */
    private static final Scan ACCOUNT_ALWAYS = compile(
            "\\b(?:refund\\w*|financial aid|my account|log ?in|sign ?(?:in|up)|password|billing|charged me|download\\w*"
                    + "|subtitles?|where (?:can|do|could) i (?:watch|stream|download)|unenroll\\w*|cancel (?:my |the )?(?:subscription|course|enrollment))\\b"
                    + "|退款|退钱|助学金|账号|帐号|登录|登陆|注册不了|密码|扣了我|扣费|下载|字幕|网盘|百度云|哪里能看|在哪看|在哪里看|哪儿能看|能退|可以退|退课"
                    + "|搬运|哪个up主|有链接吗|求链接|发个链接|\\b(?:link|links) (?:to|for) (?:the )?(?:course|videos?|lectures?|playlist)\\b");

    /** ML concepts the roadmap names only as things to learn, never explains. */
    private static final String CONCEPTS_EN = "backprop\\w*|back-propagation|gradient descent|gradients?|attention"
            + "|self-attention|transformers?|softmax|cross[- ]entropy|(?<!(?:phd|college|school|uni|university|bootcamp|grad)[ -])dropout|batch ?norm\\w*|layer ?norm\\w*|lstms?|grus?"
            + "|svms?|support vector\\w*|kernel trick|pca|k-?means|random forests?|xgboost|gradient boosting|decision trees?"
            + "|logistic regression|linear regression|regulari[sz]ation|bias[- ]variance|embeddings?|positional encoding"
            + "|adam|sgd|learning rate|activation functions?|relu|sigmoid|vaes?|gans?|diffusion|bert|lora|rlhf|q-learning"
            + "|naive bayes|bayes(?:ian)?|eigen\\w*|svd|chain rule|jacobian|hessian|loss functions?|kl divergence|entropy"
            + "|pooling|normali[sz]\\w*|cost function|lagrang\\w*|dual problem|layers|neurons|epochs?|batch size|fine-?tun\\w*"
            + "|finetun\\w*|data augmentation|augmentation|hyperparameters?|weight decay|early stopping";
    private static final String CONCEPTS_ZH = "列表推导式|生成器表达式|生成器|装饰器|迭代器|闭包|反向传播|梯度下降|梯度|注意力|transformer|softmax|交叉熵|(?<!(?:phd|college|school|uni|university|bootcamp|grad)[ -])dropout|归一化|正则化"
            + "|LSTM|支持向量机|SVM|对偶|核函数|PCA|主成分|聚类|随机森林|决策树|逻辑回归|线性回归|偏差|方差|位置编码|Adam|学习率"
            + "|激活函数|特征值|特征向量|奇异值|矩阵求导|链式法则|拉格朗日|KL散度|熵|embedding|词向量|BERT|扩散模型|GAN|强化学习"
            + "|VAE|LoRA|损失函数|池化|贝叶斯|微调|数据增强|超参|层数|多少层|几层|batch ?size|epoch";

    private static final Scan EXPLAIN = compile(
            "\\b(?:derive|deriving|derivation|prove|proof|step[- ]by[- ]step|walk me through|explain|explained|intuition"
                    + "|formula|the math(?:s)? behind|difference between|vs\\.?|versus|how (?:does|do|is) (?:the |a |an )?(?:" + CONCEPTS_EN + ")"
                    + " (?:work|works|computed|calculated)|what (?:does|do) (?:the |a |an )?(?:" + CONCEPTS_EN
                    + ") (?:do|compute|mean)|eli5|how (?:to|do i|do you|should i|can i|many|much)|which|good|best|optimal|ideal)\\b"
                    + "|推导|证明|讲讲|讲一下|讲下|解释一下|解释下|原理|什么意思|啥意思|怎么理解|怎么算|公式|为什么(?:要)?用|通俗"
                    + "|怎么回事|怎么工作|如何工作|区别|有什么不同|怎么做|怎么弄|如何做|怎么设置|怎么设|设(?:成|为)?多少|怎么选|设多少|多少合适|几层|用什么|用哪个|有哪些方法|哪个(?:更)?(?:快|好|省内存)");
    private static final Scan CONCEPT = compile(
            "\\b(?:" + CONCEPTS_EN + ")\\b|" + CONCEPTS_ZH);
    /** "What is X?" for a concept: an explanation as well. */
    private static final Scan WHAT_IS_CONCEPT = compile(
            "\\bwhat(?:'s| is| are) (?:a |an |the )?(?:" + CONCEPTS_EN + ")\\b"
                    + "|(?:什么是|啥是)(?:" + CONCEPTS_ZH + ")|(?:" + CONCEPTS_ZH + ")(?:是什么|是啥)");
    /** A resource of the roadmap that teaches such concepts: asking about it is asking about the roadmap. */
    private static final Scan ROADMAP_RESOURCE = compile("hugging ?face|fast\\.?ai|deeplearning\\.ai|lecun|吴恩达|andrew ng");

    /** Whether to learn something is the roadmap's question, however deep the concept. */
    private static final Scan SHOULD_LEARN = compile(
            "\\b(?:do i (?:really )?need|should i (?:learn|study|know)|must i|is it (?:necessary|required)|required|before|"
                    + "which course|where (?:do|can|should|to) (?:i )?(?:learn|study)|how (?:do|can|should) i (?:learn|study)"
                    + "|(?:learn|study)(?:ing)? (?:it|them|this|that|about)|how much|needed|necessary"
                    // the order of learning ("which first", "jump straight into transformers") is the roadmap's question
                    + "|which (?:parts? |stages? |steps? |courses? )?(?:of (?:this|the) (?:roadmap|route|guide) )?(?:can|could|should) i skip|which (?:one |should i do |to do |to learn |comes )?first|(?:jump|jumping|skip|skipping|go|going|dive|diving)"
                    + " (?:straight |right |directly )?(?:in)?to|straight (?:in)?to)\\b"
                    + "|需要学|要不要学|要学|需要掌握|要掌握|必须学|有必要学|之前|先学|哪门课|去哪学|在哪学|怎么学|学到什么程度");

    /** Writing, fixing or debugging something for the asker, anywhere in the message (the start is read below). */
    private static final Scan CODE_TASK = compile(
            "^\\s*(?:can you |could you |pls |please )*(?:write|implement|code up|solve|fix|debug|translate|generate)\\b"
                    + "|\\b(?:can|could|would|will) (?:you|u|someone|anyone) (?:pls |please )?(?:write|code|implement|fix|debug|solve)"
                    + "|\\b(?:quiz|test) me\\b|\\bgive me (?:\\d+|ten|five|some|a few) (?:\\w+ ){0,3}(?:problems|exercises|practice questions)\\b"
                    + "|出(?:几|\\d+|一些)?道题|给我出题|考考我"
                    + "|\\bwrite me\\b|\\bgive me (?:the |some )?code\\b|\\bcode (?:for|to) (?:a|an|the)\\b|\\bscript (?:that|to)\\b"
                    + "|帮我(?:用\\S{1,10}?)?(?:写|实现|解|翻译|改|调试|生成|看看|看下|看一下|润色|优化|算|求|推导|证明)|\\b(?:calculate|compute|work out|find) (?:the |its |these |my )?(?:eigen\\w*|determinant|inverse|derivative|gradient|integral)\\b"
                    + "|帮我把\\S{0,8}(?:简历|求职信|代码|作业|项目经历)|(?:帮我|给我)?(?:总结|概括|归纳)[^，。？?！!]{0,40}(?:这篇|那篇)论文|\\bsummari[sz]e (?:the |this |that )?(?:\\w+ ){0,6}paper\\b|\\b(?:rewrite|polish|proofread) my (?:resume|cv|cover letter)\\b|(?:写|实现)一个\\S*(?:算法|函数|程序|代码|排序|脚本)"
                    + "|\\b(?:my|this|this week'?s) (?:homework|assignment|problem set|exam question|quiz)\\b|\\bhomework\\b|\\bdue (?:tomorrow|tonight|today)\\b"
                    + "|这道题|作业题|作业怎么做|帮我做作业|习题答案|考试题|作业答案|帮我做(?:下|一下)|作业第?[一二三四五六七八九十\\d]+题"
                    + "|(?:考研|期末|考试|真题|期中)[^，。？?！!]{0,12}(?:大题|选择题|填空题|证明题|题目?)[^，。？?！!]{0,4}(?:怎么做|怎么解|咋做|咋解|答案|求解)"
                    + "|解一下|求代码|代码怎么写|(?<!可以|能|会|愿意|答应)给我写(?!推荐信)|写个\\S{0,12}(?:代码|脚本|程序|函数|爬虫|加载器|模型)"
                    // a poem, a song, a story: writing for the asker, whatever its subject
                    + "|\\b(?:write|compose) (?:me )?(?:a |an )?(?:poem|song|haiku|limerick|story|rap|sonnet)\\b|写(?:一)?首|作(?:一)?首|写诗|作诗|绝句|律诗|藏头诗|打油诗"
                    // judging the asker's own work: the bot has not seen it
                    + "|\\b(?:review|grade|rate|critique|roast|check) my (?:\\w+ ){0,2}(?:repo|repository|code|notebook|github|resume|cv)\\b"
                    // translating a text for the asker (whether a resource exists in Chinese is another question)
                    + "|(?:帮我|给我|替我|请|能不能|能否|可以|麻烦)[^，。？?！!]{0,60}翻译(?:成|一下|下|为)"
                    + "|\\b(?:can|could|would|will) (?:you|u) (?:pls |please )?translate\\b|\\btranslate (?:this|it|that|my|the (?:whole|entire|full))\\b");
    /** A plan or schedule is what the bot itself makes (/start), not someone else's task. */
    private static final Scan PLAN = compile("\\b(?:plan|schedule|route|roadmap)\\b|计划|路线|安排");

    private static final Scan HARDWARE = compile(
            "\\b(?:gpus?|graphics cards?|rtx|gtx|[2345]0[6-9]0(?:\\s?ti)?|a100|h100|laptops?|macbook\\w*|mac|m[1-4](?: pro| max)?"
                    + "|vram|ram|cloud gpus?|colab pro|workstation|pc)\\b"
                    + "|显卡|显存|笔记本|电脑|台式|主机|内存条|算力|租卡|云服务器|服务器");
    private static final Scan BUY = compile(
            "\\b(?:buy|buying|purchase|get|upgrade|worth|enough|recommend\\w*|which|vs|or|better|best|cheap\\w*|under|budget|need|rent)\\b"
                    + "|买|配|选|推荐|哪个|够不够|够用|需要|租|值不值|还是");
    private static final Scan FRAMEWORK = compile(
            "\\b(?:pytorch|torch|tensorflow|tf|keras|jax|mxnet|paddle\\w*|sklearn|scikit-learn|docker|kubernetes|k8s|aws|gcp|azure"
                    + "|sagemaker|vertex(?: ai)?|bedrock|databricks|spark|pyspark|flink|hadoop|kafka|mlflow|airflow|kubeflow|langchain|llamaindex|vscode|vs code|pycharm|colab"
                    + "|react|vue|angular|svelte|django|flask|fastapi|spring(?: boot)?|node\\.?js|next\\.?js"
                    + "|pinecone|qdrant|weaviate|milvus|chroma(?:db)?|faiss|pgvector|vector ?(?:db|database|store)s?)\\b|飞桨|向量数据库");
    /** How to set up or configure a named tool: "Docker compose 怎么把GPU分给容器用", "how do i mount a volume in kubernetes". */
    private static final Scan TOOL_SETUP = compile(
            "(?:docker|compose|kubernetes|k8s|conda|pip|cuda|nvidia|jupyter|colab|vscode|pycharm|wsl|linux|ubuntu|nginx|mlflow|airflow)"
                    + "[^，。？?！!]{0,24}(?:怎么|如何|咋)(?:把[^，。？?！!]{0,8}(?:分给|分配给|挂载|映射|装进|放进|传给)|配置|配|设置|挂载|分配|部署|安装|装|连|映射|开启|启用)"
                    + "|\\bhow (?:do i|to|can i|should i) (?:configure|set up|setup|mount|pass|expose|allocate|assign|install|enable|map)\\b[^.?!]{0,40}"
                    + "\\b(?:docker|compose|kubernetes|k8s|conda|cuda|container|volume|gpu|jupyter|wsl|nginx|mlflow|airflow)\\b");
    /** Setting up one's editor or notebook: its theme, extensions, fonts. */
    private static final Scan EDITOR_SETUP = compile(
            "\\b(?:themes?|extensions?|plugins?|fonts?|shortcuts?|dark mode)\\b|主题|插件|扩展|字体|快捷键");
    /** A tool weighed against another or picked among tools, next to its name ("pytorch or tensorflow", "哪个框架"). */
    private static final Scan TOOLS_WEIGHED = compile(
            "(?:" + FRAMEWORK.pattern() + ")\\s*(?:vs\\.?|versus|or|还是|和|或|跟)\\s*(?:" + FRAMEWORK.pattern() + ")"
                    + "|\\bwhich (?:framework|library|tool|cloud|ide|editor)s?\\b|哪个(?:框架|库|工具|云|编辑器)");
    private static final Scan COMPARE = compile(
            "\\b(?:vs\\.?|versus|better|best|which|or (?:something|anything|some other|another|other)\\w*)\\b"
                    + "|还是|哪个|选哪|对比|比较|和.{1,12}(?:哪|选)");

    private static final Scan SALARY_WORDS = compile(
            "\\b(?:salary|salaries|wage|wages|compensation|total comp|pay(?:s|ing)? (?:well|much|more|less)"
                    + "|how much (?:do|does|can|will|would) (?:an? |the )?\\S+(?: \\S+)? (?:make|earn|get paid)"
                    + "|(?:make|earn) (?:per|a|an) (?:year|month|hour)|earns? (?:more|less)|(?:earns?|makes?) (?:in|at|per|annually|a year|a month)|paid (?:more|less|better|well)|(?:better|higher|best|highest|lower|worse)[- ]pa(?:id|ying)|\\d+k (?:a|per) year|per annum|\\d+k base|base (?:pay|salary)|negotiat\\w*|counter ?offers?|raise my offer|(?:mle|ml engineer|engineer|developer|junior|entry[- ]level|starting) pay|pay (?:in|at) [a-z]+)\\b"
                    + "|工资|薪资|薪水|薪酬|年薪|月薪|待遇|开多少|开价|谈薪|砍价|压价|涨薪|加薪|谈offer|收入多少|赚多少|挣多少|能拿多少|拿多少钱");

    private static final Scan NEWS_WORDS = compile(
            // ("old news" is an idiom: something long known)
            "\\b(?:(?<!old )news|announced?|announcement|just (?:released|dropped|came out)|release[ds]? (?:yet|today|this week)"
                    + "|new models?|latest models?|(?:newest|latest|current) (?:\\w+ ){0,2}(?:llms?|models?)|(?<!\\ba |\\ban )sota (?:llms?|models?))\\b"
                    + "|\\b(?:(?:is|are) (?:\\w+ ){0,3}dying|(?:is|are) (?:\\w+ ){0,3}dead(?!\\s*simple)|replace (?:\\w+ ){0,2}(?:engineers|programmers|developers|coders|jobs|us)"
                    + "|job market|saturated|oversaturated|bubble|(?:more|less|most|higher|lower) (?:hiring )?demand|hiring demand"
                    + "|in (?:high |more )?demand)\\b"
                    + "|\\b(?:(?:llm|model|ai) (?:leaderboards?|rankings?)|who(?:'s| is) (?:number one|#1|on top|the best model)|(?:top|best) models? (?:right now|this year|in 20\\d\\d))\\b"
                    + "|(?<!kaggle)榜单|模型排行|打榜|榜首|谁第一|哪家最强|新闻|发布会|新的?大?模型|(?:最近|这个月|本月|这周|本周|这两天|今天|昨天|上周|上个月).{0,10}(?:发布|发了|出了|推出|更新|上线|开源)|取代|淘汰|凉了|饱和|就业形势|行情|泡沫"
                    // this week's new papers or models to read
                    + "|(?:最新|新出|新)(?:的)?(?:大模型)?(?:论文|paper)[^，。？?！!]{0,8}(?:推荐|有哪些|值得)|(?:这周|本周|最近|这个月)[^，。？?！!]{0,12}(?:新)?(?:论文|paper)[^，。？?！!]{0,6}(?:推荐|值得)"
                    + "|\\b(?:new|latest|recent|this week'?s) (?:\\w+ )?papers? (?:this week|worth reading|to read|you'?d recommend)\\b"
                    // whether a company is hiring now, and when its campus hiring opens
                    + "|\\b(?:is|are) (?:\\w+ ){1,2}(?:still )?hiring\\b|\\bhiring (?:right now|now|freeze)\\b|还招|在招吗|招不招|校招(?:啥时候|什么时候|几月)|秋招(?:啥时候|什么时候|几月)"
                    + "|\\b(?:which|what) (?:companies|firms|employers|startups|places)\\b[^.?!]{0,40}\\b(?:hire|hires|hiring|recruit\\w*|sponsor\\w*)\\b"
                    + "|(?:哪些|哪家|什么|哪几家)(?:公司|企业|单位|厂)[^，。？?！!]{0,12}(?:招|收|要)"
                    // where the people the roadmap quotes are now: news about them, not what they said
                    + "|\\b(?:did|has|is) (?:karpathy|brockman|lecun|andrew ng|greg brockman|andrej karpathy|yann lecun) (?:\\w+ )?(?:leave|left|quit|join(?:ed)?|still (?:at|with|working))\\b"
                    + "|\\bwhat(?:'s| is) (?:he|she|karpathy|brockman|lecun) (?:up to|doing|working on)(?: these days| now| nowadays)?\\b"
                    + "|(?:karpathy|卡帕西|brockman|布罗克曼|lecun|杨立昆|吴恩达)[^，。？?！!]{0,6}(?:现在|如今|最近)(?:在)?(?:干嘛|干什么|做什么|在哪|去哪)|(?:karpathy|卡帕西|brockman|布罗克曼)[^，。？?！!]{0,6}(?:离职|跳槽)"
                    // an age ceiling in the industry asked about as a fact
                    + "|35岁(?:程序员)?(?:危机|魔咒|门槛|被裁|裁员)[^，。？?！!]{0,4}(?:是真的|真的存在|存在吗|真的吗|是不是真的)");

    /** Words of despair about living, not about studying. */
    private static final Scan CRISIS_WORDS = compile(
            "\\b(?:kill my ?self|(?:want|wanna|going) (?:someone |you )?to kill me|wanna kill me|suicid\\w*|end (?:my|it) (?:life|all)|want(?:ed)? to die|wanna die|don'?t want to (?:live|be alive|exist)"
                    + "|no (?:reason|point) (?:to|in) (?:live|living|being alive)|self[- ]harm\\w*|hurt(?:ing)? myself"
                    + "|(?:my )?life (?:is|feels) (?:pointless|meaningless|not worth living))\\b"
                    + "|活着(?:都|也|真|好)?没(?:什么|啥)?意思|不想活|想死(?!板)|去死(?!板)|自杀|轻生|结束(?:自己的)?生命|活不下去|自残|割腕|了结自己");
    /** Other fields that borrow the roadmap's words: model trains and fashion models, dog training, "深度学习" in pedagogy. */
    private static final Scan OTHER_FIELD = compile(
            "\\b(?:ho scale|n scale|model (?:train|railway) (?:sets?|layouts?|tracks?|hobby)|model railways?|model (?:kit|car|plane|airplane|rocket)s?"
                    + "|(?:fashion|runway|plus[- ]size) models?|modell?ing agenc\\w*|dog training|train(?:ing)? (?:my|a|the) (?:dog|puppy|cat|parrot)"
                    + "|pedagog\\w*)\\b|教育学|教学理念|教学法|模特|训狗|训练狗|狗狗训练|火车模型|模型火车|航模|车模");
    /** The roadmap's subject named outright (not its generic words): the message is about ML after all. */
    private static final Scan ANCHOR_STRICT = compile(
            "\\b(?:mle|ml engineer\\w*|machine learning engineer\\w*|neural net\\w*|pytorch|roadmap)\\b|机器学习工程师|路线图|神经网络|文末|那五步");
    /** Two other careers weighed for the asker: "产品经理和数据分析师哪个更适合我", "product manager or data analyst". */
    private static final Scan OTHER_ROLES_WEIGHED = compile(
            "(?:产品经理|数据分析师?|运维|测试|设计师|运营|销售|会计)(?:和|还是|跟|或者?|与)(?:产品经理|数据分析师?|运维|测试|设计师|运营|销售|会计)"
                    // a role weighed against the ML job by who it suits ("产品经理和算法工程师哪个更适合女生")
                    + "|(?:产品经理|数据分析师?|运维|测试|设计师|运营|销售|会计|前端|后端)(?:和|还是|跟|或者?|与)[^，。？?！!]{0,10}(?:哪个|谁)(?:更)?适合"
                    + "|(?:产品经理|数据分析师?|运维|测试|设计师|运营|销售|会计|前端|后端)(?:和|还是|跟|或者?|与)[^，。？?！!]{0,10}(?:哪个|谁)(?:更)?(?:有前途|有钱途|吃香|好找工作)"
                    + "|(?:哪个|谁)(?:更)?适合(?:女生|男生|女孩|男孩|女性|男性)"
                    + "|\\b(?:product manager|pm|data analyst|designer|marketer|sales|accountant)s? (?:or|vs\\.?|versus) "
                    + "(?:an? )?(?:product manager|pm|data analyst|designer|marketer|sales|accountant)s?\\b"
                    // another role's day, or a switch to it: "what does a product manager actually do all day? thinking of PM"
                    + "|\\bwhat (?:does|do) (?:an? )?(?:product managers?|pms?|data engineers?|data analysts?|designers?|devops engineers?|sres?"
                    + "|qa engineers?|testers?|marketers?) (?:actually |really |even )?do\\b"
                    + "|\\bswitch(?:ing)? to (?:pm|product management|product manager|data engineering|devops|ux)\\b"
                    + "|(?:产品经理|数据工程师|运维|测试|设计师|运营)(?:平时|每天|日常)?(?:都)?(?:干|做)(?:啥|什么)|转(?:行)?(?:做|去做)?产品经理"
                    // becoming another role: "how do i become a product manager instead"
                    + "|\\b(?:become|becoming|wanna be|want to be|gonna be) (?:an? )?(?:product managers?|pm|data engineers?|data analysts?|ux designers?|designers?"
                    + "|game dev(?:eloper)?s?|web dev(?:eloper)?s?|front[- ]?end dev(?:eloper)?s?"
                    + "|devops engineers?|sres?|qa engineers?|testers?|marketers?|accountants?|lawyers?|pilots?)\\b"
                    + "|(?:成为|当|做)(?:一名|一个)?(?:产品经理|数据工程师|设计师|运维工程师|测试工程师)");
    /** A route asked for, and becoming something: with none of the roadmap's own words, another career's route. */
    private static final Scan ROUTE_ASKED = compile("\\b(?:roadmap|route|path|plan|steps)\\b|路线|路径|怎么(?:入行|入门)");
    private static final Scan BECOME = compile("\\b(?:become|becoming|(?<!(?:meant|supposed|intended) to )be an?|get into|work as)\\b|成为|当(?:一名|一个)|做(?:一名|一个)");
    /** A route to another career than the ML engineer's: "数据工程师路线图", "roadmap to become a product manager". */
    private static final Scan OTHER_CAREER_ROUTE = compile(
            "\\b(?:roadmap|route|path|learning plan|study plan)s?\\s+(?:to|for)\\s+(?:become\\s+|becoming\\s+)?(?:an?\\s+)?"
                    + "(?:data engineer\\w*|product manager|pm|product management|front[- ]?end\\w*|back[- ]?end\\w*|devops|sre"
                    + "|cyber ?security|security engineer\\w*|web dev\\w*|ux|ui|designer|game dev\\w*|blockchain|cloud engineer\\w*|qa|tester)\\b"
                    + "|\\b(?:data engineer(?:ing)?|product manager|product management|front[- ]?end|devops|cyber ?security|web dev(?:elopment)?"
                    + "|ux|game dev(?:elopment)?|blockchain|cloud engineer(?:ing)?)\\s+(?:roadmap|route|learning path)\\b"
                    + "|(?:数据工程师?|大数据开发|产品经理|前端|后端|运维|网络安全|测试|设计师|区块链|游戏开发)(?:的)?(?:路线图|学习路线|学习路径)"
                    + "|(?:转行|想)(?:做|当|去做)(?:ui|ux|平面|交互|视觉|室内|服装|游戏)?设计(?:师)?"
                    + "|\\b(?:data engineer(?:ing)?|devops|web dev\\w*|product management|cyber ?security|sre|data analy\\w+)\\b[^.?!]{0,20}\\b(?:a )?better (?:career|job|choice|path|field) than\\b"
                    + "|转(?:行)?(?:做|当)?(?:测试|运维|产品经理|产品|前端|后端|ui|设计|测试开发)(?:开发)?[^，。？?！!]{0,4}(?:有前途|有没有前途|好吗|怎么样|值得吗|前景)");
    /** A model or AI product named together with a release word: "did openai release gpt-5 yet". */
    private static final Scan PRODUCT = compile(
            "\\b(?:gpt(?:-?[3-6o]\\w*)?|chatgpt|claude|gemini|llama ?\\d*|deepseek|sora|mistral|qwen|openai|anthropic)\\b|通义|文心|kimi");
    /** AI products weighed against each other: "比 GPT-4o 强吗", "is claude better than gpt". */
    private static final Scan MODELS_COMPARED = compile(
            "\\b(?:better|worse|stronger|smarter|beats?|beating|vs\\.?|versus|compared?|comparison)\\b|比.{0,12}(?:强|好|厉害|聪明)|哪个(?:强|好|厉害)|谁(?:强|更强)|参数量");
    private static final Scan RELEASE = compile(
            "\\b(?:release[ds]?|releasing|launch\\w*|new|newest|latest|update[ds]?|version|yet|drop|drops|dropped|shipped|announce\\w*)\\b"
                    + "|出了|发布|更新|新版|版本|发了|推出|最新");

    /** Why the job needs something: "mle为啥要会写工具", "why do MLEs need…" (whatever tuning remark comes along). */
    private static final Scan WHY_ROLE_MUST = compile(
            "(?:为啥|为什么|为何)\\s*(?:mle|ml工程师|机器学习工程师)[^，。？?！!]{0,3}(?:要|得|必须)|(?:mle|ml工程师|机器学习工程师)\\s*(?:为啥|为什么|为何)\\s*(?:要|得|必须)|\\bwhy (?:do|does|must|should) (?:an? )?(?:mles?|ml engineers?)\\b");
    /** The roadmap's two halves weighed: "ML or SWE", "机器学习和软件工程". */
    private static final Scan ML_VS_SWE = compile(
            "\\b(?:ml|machine learning) (?:or|vs\\.?|versus) (?:swe|software(?: engineering)?)\\b|\\b(?:swe|software(?: engineering)?) (?:or|vs\\.?|versus) (?:ml|machine learning)\\b"
                    + "|(?:机器学习|ml)(?:和|跟|还是)(?:软件工程|swe)|(?:软件工程|swe)(?:和|跟|还是)(?:机器学习|ml)");

    /** Why the article recommends something: "文章为啥还让…", "why does the article still recommend". */
    private static final Scan WHY_RECOMMENDED = compile(
            "(?:文章|作者|路线图|指南)(?:里|中)?(?:为啥|为什么|为何)(?:还|仍然|依然)?(?:让|要|推荐|建议)|\\bwhy (?:does|would|did) (?:the |this )?(?:article|guide|roadmap|author) "
                    + "(?:still )?(?:recommend|suggest|push|tell|want)");

    /** Whether grinding LeetCode alone gets the job: the roadmap's advice on showing one's skills. */
    private static final Scan LEETCODE_ALONE = compile(
            "(?:光|只)(?:刷|靠)\\s*leetcode[^，。？?！!]{0,4}(?:就)?(?:够|行)|\\b(?:is |just )?leetcode (?:alone |only )?(?:enough|sufficient)\\b");

    /** The roadmap's software-engineering part, by name. */
    private static final Scan SOFTWARE_PART = compile(
            "\\b(?:swe|software engineer(?:ing|s)?|full ?stack ?open|fso)\\b|软件工程|工程能力");

    private static final Scan INTERVIEW_PREP = compile(
            "\\b(?:leetcode|interview questions?|system design interviews?|mock interviews?|(?:coding|technical) interviews?"
                    + "|onsites?|on-sites?|interview loops?|onsite loops?|phone screens?)\\b"
                    + "|八股|刷题|面经|面试题|面试(?:一般|常|都)?(?:问|考)|面试(?:会|一般)?(?:让|要)(?:手推|手撕|背)|(?:投|海投)(?:多少|几)家|\\bhow many (?:companies|jobs|places|applications) should i (?:apply|send)\\w*|刷leetcode|面试[^，。？?！!]{0,20}(?:会|一般|常)问(?:到|啥|什么)|手撕");

    /** Asked for, not only mentioned: "recommend", "which", "where to find", "推荐", "哪里找". */
    private static final String ASK_FOR = "(?:recommend\\w*|suggest\\w*|which|what|where|any|best|good|favou?rite|worth|should i"
            + "|how (?:do|to|can|should) (?:i |you )?(?:find|get|pick|choose|write|start|join|team|enter|do))";
    private static final Scan UNLISTED_ASKED = compile(
            "\\bkaggle\\b(?:\\s+\\w+){0,3}?\\s+(?:competitions?|comps?|contests?|medals?|rankings?|leaderboards?|teams?|teaming)\\b"
                    // reaching a Kaggle tier is the asker's goal, being compared with grandmasters is their story
                    + "|\\b(?:reach|become|get to|make it to|hit) (?:kaggle )?(?:grandmaster|master|expert)\\b"
                    + "|\\b" + ASK_FOR + "\\b(?:\\s+\\S+){0,3}?\\s+(?:kaggle|datasets?|data sets?|youtube(?:rs)?|youtube channels?"
                    + "|channels?|podcasts?|newsletters?|subreddits?|discord servers?|cover letters?|motivation letters?)\\b"
                    + "|\\b(?:datasets?|youtube channels?|youtubers?|podcasts?|newsletters?|cover letters?)\\b(?:\\s+\\S+){0,3}?\\s+"
                    + "(?:recommend\\w*|(?<!have |has |had |need |needs |got )to (?:follow|watch|use|practi[sc]e)|for (?:beginners|practi[sc]e|projects?|learning))\\b"
                    + "|kaggle[^，。？?！!]{0,10}(?:比赛|竞赛|组队|奖牌|排名|排行|榜)|打kaggle|(?:数据集|油管|youtube|up主|UP主|播客|公众号|求职信|自荐信|cover ?letter)"
                    + "[^，。？?！!]{0,8}(?:推荐|哪里|哪儿|去哪|在哪|有哪些|有什么|怎么写|怎么找|如何写|值得)"
                    + "|(?:推荐|有哪些|有什么|关注|哪些)[^，。？?！!]{0,8}(?:数据集|油管|youtube|up主|UP主|播客|公众号|频道)"
                    + "|(?:怎么写|如何写|写)(?:一封|一份)?(?:求职信|自荐信|cover ?letter)"
                    // how to lay out a CV: the roadmap says what to show, never how to write it
                    + "|简历[^，。？?！!]{0,16}(?:怎么写|如何写|模板)|(?:项目经历|工作经历)[^，。？?！!]{0,10}(?:怎么写|如何写)|\\bstar (?:method|format|法则)\\b|star法则"
                    // particular papers asked for: the roadmap names none
                    + "|推荐(?:几|一些|一|两)篇[^，。？?！!]{0,24}(?:论文|paper)|(?:19|20)\\d\\d年?[^，。？?！!]{0,12}(?:的)?(?:论文|papers?)(?:呗|吧|推荐)"
                    + "|\\b(?:recommend|suggest)\\w* (?:me )?(?:some |a few |a couple of |any )?(?:good )?(?:\\w+ )?papers (?:on|about|from|for|in)\\b|\\b(?:recommend|suggest)\\w* (?:me )?(?:a |an |one )?(?:specific|particular) (?:\\w+ ){0,3}papers?\\b|\\b(?:cvpr|neurips|icml|iclr|acl|emnlp)\\b[^.?!，。？！]{0,20}(?:papers?|论文)[^.?!，。？！]{0,8}(?:worth|to read|值得|推荐)"
                    // getting a paper into a conference: a researcher's route
                    + "|\\b(?:get|publish|submit)\\w* (?:a |my )?papers? (?:in|into|at|to) (?:neurips|icml|iclr|cvpr|acl|emnlp|aaai|a (?:top )?conference)\\b|怎么发(?:顶会|论文|paper)|发顶会(?:怎么|要|难)"
                    + "|简历(?:怎么写|如何写|该怎么写|写几页|一页还是两页|模板|格式|排版)|\\b(?:resume|cv)(?:'s)? (?:format\\w*|template|layout|length)\\b|\\b(?:one|1)[- ]page (?:or|vs\\.?) (?:two|2)[- ]pages?\\b"
                    + "|\\bhow (?:do i|to|should i) (?:write|format|structure) (?:my |a )?(?:resume|cv)\\b"
                    // a bootcamp or a training school to sign up for: the roadmap lists none
                    + "|(?:推荐|有哪些|有什么|哪家|哪个|靠谱)[^，。？?！!]{0,10}(?:培训班|培训机构|训练营|bootcamp|就业班)|(?:培训班|培训机构|训练营|bootcamp|就业班)[^。？?！!]{0,24}(?:推荐|哪家|哪个好|靠谱吗|有哪些|值得吗|值不值)"
                    + "|\\b" + ASK_FOR + "\\b(?:\\s+\\S+){0,3}?\\s+(?:bootcamps?|training (?:schools?|centers?|centres?|institutes?))\\b");
    /** Well-known books and courses the roadmap does not list (its own: CS50, Helsinki, fast.ai, Andrew Ng, LeCun…). */
    private static final Scan OTHER_RESOURCES = compile(
            "李沐|动手学深度学习|\\bd2l\\b|dive into deep learning|花书|西瓜书|南瓜书|蜥蜴书|鱼书|统计学习方法|李航|周志华|李宏毅"
                    + "|\\bcs ?229\\b|\\bcs ?231n?\\b|\\bcs ?224n?\\b|statquest|3blue1brown|\\b3b1b\\b|goodfellow"
                    + "|\\bislr\\b|elements of statistical learning|\\bprml\\b|bishop'?s book|hands-on machine learning|g[ée]ron");
    /** Asking about a named resource: whether it is good, which is better, what is in it. */
    private static final Scan ABOUT_RESOURCE = compile(
            "哪个|哪本|哪门|值不值|值得|怎么样|好不好|适合|第几章|哪一?章|讲不讲|讲了?什么|讲没讲|推荐吗|推不推荐|要不要看|看不看"
                    + "|代替|替代|区别|相比|比起|对比|还是|有没有讲|入门"
                    + "|\\b(?:vs\\.?|versus|or|better|worth|good|instead of|replace|chapters?|recommend(?:ed|s)?|cover(?:s|ed)?"
                    + "|beginner|start with)\\b");
    /** Asking what one of the roadmap's people said: "Karpathy 不是说过…吗", "what did Brockman say about…". */
    private static final Scan ASKS_WHAT_THEY_SAID = compile(
            "(?:karpathy|卡帕西|brockman)[^。？?！!]{0,12}(?:说过|说了|说的|讲过|提过|建议|名言|原话|three|3|三条|几条|第[一二三]条)"
            + "|\\b(?:what|which) (?:did|does|was) (?:karpathy|brockman)\\b|\\b(?:karpathy|brockman)'?s? (?:quote|advice|tips?|recipe|points?)\\b"
            + "|\\b(?:karpathy|brockman) (?:said|says|say)\\b");
    /** The roadmap's own people, whose videos and posts it does point to. */
    private static final Scan ROADMAP_PEOPLE = compile("karpathy|卡帕西|brockman|lecun|hugging ?face|吴恩达|andrew ng|fast\\.?ai");
    /**
     * The asker's own projects or portfolio: "kaggle comps or my own projects", "刷kaggle还是做自己的项目" weigh competitions
     * against what the roadmap says to build, which is its portfolio advice.
     */
    private static final Scan OWN_PROJECTS = compile(
            "\\b(?:own|personal|side|real)\\s+(?:\\w+\\s+){0,2}projects?\\b|\\bportfolio|自己的项目|自己(?:做|搞|写)项目|个人项目|作品集|做项目");
    /**
     * Skills and courses the roadmap does name: the maths for large datasets, cleaning messy data, a course that happens
     * to be on YouTube ("which youtube course for python" is the roadmap's course question).
     */
    private static final Scan DATA_SKILLS = compile(
            "\\bmaths?\\b|\\bmathematics\\b|\\bclean\\w*|\\bmessy\\b|\\bfeatures?\\b|\\bcourses?\\b|\\bmooc\\b|数学|清洗|特征|处理|课");

    /**
     * Visas and immigration, a relationship or a family quarrel: another area of life, whatever the message says about
     * learning ML ("my parents want law school instead of this ML stuff, should I move out").
     */
    private static final Scan LIFE_DECISION = compile(
            "\\b(?:h-?1b|o-?1|visas?|green cards?|work permits?|immigra\\w*|visa sponsorship|blue card|opt (?:extension|status)|stem opt|f-?1 status"
                    + "|f-?1 opt|unemployment days|(?:lose|losing|lost|keep|keeping) my (?:visa |immigration )?status"
                    + "|move out|stop (?:talking|speaking) to|cut (?:them|him|her) off|break(?:ing)? up|dump (?:him|her)|divorce\\w*)\\b"
                    + "|签证|移民|绿卡|工签|分手|离婚|搬出去|断绝关系|挽回|咋哄|怎么哄|哄好"
                    + "|(?:对象|女朋友|男朋友|女友|男友|老婆|老公)[^，。？?！!,]{0,6}(?:生气|吵架|闹别扭|冷战)"
                    + "|\\b(?:marriage|marital|married life|(?:fix|save) (?:my|our) relationship|relationship advice)\\b|婚姻|夫妻关系"
                    // an invitation to a pastime
                    + "|(?:有人|谁|有没有人)(?:要)?(?:一起|约)[^，。？?！!]{0,4}(?:去)?(?:爬山|徒步|打球|跑步|吃饭|喝酒|看电影|打游戏|钓鱼|骑行|露营)"
                    + "|\\banyone (?:want to|wanna|up for|down (?:for|to)) (?:go |come )?(?:hiking|climbing|running|bouldering|drinks|for drinks|a beer|gaming)\\b"
                    // preparing another exam (考研 subjects), quantitative trading's own practice
                    + "|考研[^，。？?！!]{0,10}(?:复习|备考|真题|分数线)|408[^，。？?！!]{0,10}(?:复习|备考)|(?:数据结构|计算机组成原理|操作系统|计算机网络)[^，。？?！!]{0,4}(?:怎么|咋|如何)复习"
                    + "|回测|因子模型|量化(?:交易|策略|平台|私募)"
                    // which school to sit the entrance exam for; a study group's meeting time or link
                    + "|(?:哪个|哪所|什么|哪些)(?:学校|大学|院校)(?:比较|更)?(?:好考|容易考|好进|容易进|好上岸)|考研还是(?:直接)?(?:去)?(?:工作|就业|找工作|上班)|(?:工作|就业|找工作)还是考研|择校"
                    + "|\\bzoom (?:link|call|meeting)\\b|\\bmeeting link\\b|会议链接|腾讯会议|会议号"
                    + "|\\bwhat time is (?:the|our|today'?s)\\b[^.?!]{0,40}\\b(?:call|meeting|session|meetup|hangout)\\b"
                    // a vendor's certification
                    + "|\\b(?:aws|azure|gcp|google cloud|databricks|nvidia|tensorflow developer)\\b[^.?!]{0,30}\\bcert(?:ification|ificate)?s?\\b"
                    // relocating for a job; family complaints about the studying
                    + "|\\b(?:worth|should i (?:be )?|is it worth) (?:moving|relocating|emigrating)\\b(?! (?:to|into|over to) (?:an? )?(?:mle|ml|machine|ai|data|deep))|\\brelocat(?:e|ing|ion)\\b|移居|换城市"
                    + "|(?:老婆|老公|对象|女朋友|男朋友|家里人|家人|爸妈)[^，。？?！!,]{0,4}(?:说|话|嫌|怪|抱怨)我[^，。？?！!,]{0,12}(?:不理|不管|冷落|忽略)"
                    // a partner or parents who feel neglected by the studying
                    + "|\\b(?:my )?(?:gf|bf|girlfriend|boyfriend|wife|husband|partner|fianc[eé]e?|parents|mom|mum|dad)\\b[^.?!]{0,40}\\b(?:ignor\\w*|neglect\\w*|never (?:see|spend time with) (?:her|him|them)|too much time (?:coding|studying|on (?:this|courses|ml)))\\b"
                    + "|\\b(?:not enough|no) time (?:with|for) (?:her|him|them|my (?:gf|bf|girlfriend|boyfriend|wife|husband|partner|family|kids))\\b"
                    // crying over a failed interview
                    + "|\\bcry(?:ing)?\\b[^.?!]{0,30}\\b(?:interview|rejection|rejected)\\b"
                    // holding an offer back while waiting for another
                    + "|(?:跟|和|找|对)hr(?:开口|说|谈|沟通)|offer[^，。？?！!]{0,6}(?:能不能|可以|能否)?拖|拖(?:一拖|延)[^，。？?！!]{0,4}offer|等另一家"
                    + "|\\b(?:delay|postpone|hold off on) (?:the |my |an )?offer\\b|\\bexploding offer\\b"
                    // which job offer to take
                    + "|\\boffer from\\b[^.?!]{0,40}\\b(?:and|or) (?:one|another) from\\b|\\b(?:offers from|which offer|which (?:one )?should i (?:take|accept)|(?:two|2|both|multiple) offers|which (?:one|company) should i (?:take|accept|join))\\b"
                    // another exam than the roadmap's concern; what a named company does inside; reaching the author privately
                    + "|考研(?:英语|政治|专业课|408)|408(?:和|跟|与)?(?:考研)?数学[一二三]|考研数学[一二三]?(?:怎么|咋|如何)(?:复习|准备|考)|考研数学[一二三][^，。？?！!]{0,12}(?:还是|跟谁|老师|真题)|数学[一二三](?:和|跟|与|还是)数学[一二三]"
                    + "|\\b(?:does|do|did|is|are) (?:spotify|netflix|google|meta|facebook|amazon|apple|microsoft|uber|airbnb|tesla|openai|bytedance|tiktok|alibaba|tencent|baidu)"
                    + " (?:actually |really |even )?(?:use|using|do|doing|run|running|hiring)\\b"
                    + "|(?:字节|阿里|腾讯|百度|美团|京东|华为|拼多多)[^，。？?！!]{0,6}(?:用不用|有没有用|用没用|在用|内部)"
                    + "|\\b(?:twitter|x|linkedin|instagram|telegram|discord|wechat) (?:handle|account|profile|username|id)\\b|\\bdm (?:him|her|the author)\\b"
                    + "|\\bcontact (?:the |this )?author\\b|作者(?:的)?(?:微信|推特|联系方式|邮箱|账号)"
                    + "|(?:有没有人有|谁有|求)[^，。？?！!]{0,40}(?:中文翻译|中文版|汉化|翻译版)"
                    + "|(?:两|几|多)个offer|哪个offer|offer(?:怎么选|选哪)"
                    // moving abroad, or a master's abroad compared; quitting a job with a mortgage to pay
                    + "|\\bmove (?:back )?in (?:with|w/?) (?:my |his |her )?(?:parents|mom|mum|dad|folks)\\b"
                    + "|\\bmove to (?:canada|germany|the us|the usa|usa|america|the uk|uk|europe|australia|japan|singapore|china|another country|abroad)\\b"
                    + "|\\b(?:masters?|master'?s|msc|phd) (?:degree )?in (?:germany|the uk|uk|the us|the usa|usa|canada|australia|europe|china|japan|singapore|the netherlands|netherlands|france|sweden)\\b"
                    + "|(?:去)?(?:德国|英国|美国|加拿大|澳洲|澳大利亚|日本|新加坡|香港|荷兰)(?:读研|读硕|读博|留学)"
                    // (anchored at the start: unanchored, both look-aheads would scan the rest of the message from every position)
                    + "|^(?s)(?=.*(?:\\bmortgage\\b|\\brent (?:is )?due\\b|房贷|车贷|房租))(?=.*(?:\\bquit\\w*|辞职|裸辞))"
                    + "|选导师|导师(?:怎么选|选哪个|要注意)|套磁"
                    + "|考研选(?:什么|哪个|啥)?(?:专业|方向)|考研[^，。？?！!]{0,6}(?:选|报)[^，。？?！!]{0,10}(?:还是|专业|学校)"
                    // when to quit: before or after a bonus
                    + "|\\bwait (?:for|until) (?:my |the )?(?:bonus|vesting|raise|promotion|stock)\\b|(?:等|拿完?)(?:完)?年终奖|年终奖(?:之后|以后|发了)再"
                    // a PhD or a master's entrance exam weighed against a job, and which kind of employer to join
                    + "|\\bph\\.?d\\b[^.?!]{0,30}\\b(?:or|vs\\.?|versus)\\b[^.?!]{0,25}\\b(?:industry|a job|work(?:ing)?|jobs?)\\b"
                    + "|\\b(?:industry|a job|work(?:ing)?)\\b[^.?!]{0,25}\\b(?:or|vs\\.?|versus)\\b[^.?!]{0,20}\\bph\\.?d\\b|\\bshould i (?:do|get|start|pursue|apply for) a ph\\.?d\\b"
                    + "|(?:读博|考博)(?:还是|和|或者|跟)(?:工作|就业|找工作|进厂)|(?:工作|就业|找工作)还是(?:读博|考博)|要不要(?:辞职)?(?:全职)?(?:去)?(?:读博|考博|考研)|辞职[^，。？?！!]{0,4}考研|\\bquit\\w* (?:my |his |her |their )?(?:\\w+ )?job\\b[^.?!]{0,30}\\b(?:masters?|master'?s|phd|msc)\\b|(?:辞职|裸辞)(?:去)?(?:考研|读博)"
                    + "|(?:国企|央企|外企|大厂|小厂|创业公司|事业单位|体制内)(?:和|还是|跟|与|或者?|vs)(?:国企|央企|外企|大厂|小厂|创业公司|事业单位|体制内)"
                    + "|\\b(?:big tech|faang|a startup|startups?|corporate|big compan(?:y|ies))\\s+(?:or|vs\\.?|versus)\\s+(?:an? )?(?:big tech|faang|startups?|corporate|big compan(?:y|ies))\\b");

    /** Whether something is allowed by law or by a site's terms: a lawyer's question, not the roadmap's. */
    private static final Scan LEGAL_ASKED = compile(
            "\\b(?:legal|legally|illegal|lawful|unlawful|copyright\\w*|gdpr|terms of (?:service|use)|sue|sued|lawsuit"
                    + "|allowed to (?:scrape|sell|publish|redistribute)|licen[cs]e (?:allow|permit)s?)\\b"
                    + "|合法|违法|犯法|侵权|版权|法律风险|吃官司|被告|律师|用户协议");

    private static final Scan LIFE = compile(
            "\\b(?:band|gig|gigs|concert|wedding|girlfriend|boyfriend|gf|bf|kid|kids|child|children|toddler|baby|son|daughter"
                    + "|renovat\\w*|mortgage|apartment|car|fitness|gym|diet|marathon|recipe|cooking|vacation|visa|garden|pet"
                    + "|dog|cat|minecraft|novel|album|song|music|guitar|piano|restaurant|startup funding|loan|hike|hiking|road trip"
                    + "|fishing|dating|painting|drawing|art school|photography|dancing|calligraphy)\\b"
                    + "|孩子|小孩|小学|幼儿园|兴趣班|装修|房贷|买房|租房|婚礼|结婚|健身|减肥|马拉松|菜谱|做饭|旅游|签证|宠物|乐队"
                    + "|钢琴|吉他|小说|考公|考研英语|驾照|爬山|徒步|自驾|钓鱼|追剧|相亲|买车|画画|绘画|美术|摄影|舞蹈|跳舞|书法|唱歌");

    /**
     * The asker wants to know what the article itself says ("does the guide say anything about that", "文章里说…"):
     * errors, platforms, tools and unlisted resources it may mention in passing (silent bugs, resources being
     * interchangeable) are then the roadmap's question. Salaries, news, code, derivations and other areas of life stay
     * refused: the article has nothing to say on them however the question is framed.
     */
    private static final Scan ASKS_THE_ARTICLE = compile(
            "\\b(?:(?:does|do|did) (?:the |this |your )?(?:guide|roadmap|article|post|author|writer)\\s+(?:\\w+\\s+)?"
                    + "(?:say|says|mention|recommend|talk|cover|suggest|back|think|have anything|have something|has anything|prefer|favou?r|admit|mean|describe|call|claim|argue|give|offer|provide|list)\\w*"
                    + "|(?:the |this )(?:guide|roadmap|article|author) (?:says|said|mentions|recommends|suggests|warns|describes|calls|claims|argues|admits|prefers|favou?rs|names|lists|picks|talks about|talked about)"
                    + "|according to (?:the |this |your )?(?:guide|roadmap|article|author)"
                    + "|in the (?:article|guide|roadmap|author)'?s? (?:opinion|view)|what (?:do|does) (?:they|the author) warn"
                    + "|(?:what|which) \\w+(?: \\w+)? (?:did|does) (?:it|the (?:article|guide|roadmap|author)) (?:say|call|mention)\\w*)\\b"
                    + "|(?:文章|原文|作者|路线图|指南)(?:里|中|上)?(?:也|又|是)?(?:这么|这样|怎么|咋|如何)?(?:说|讲|提|写|建议|推荐|认为|觉得|看)|按(?:照)?(?:这篇)?文章"
                    + "|(?:文章|原文|路线图|指南)(?:里|中)(?:的|有)"
                    // "作者有啥打气的话": what the author has to say, not who the author is ("作者有什么背景")
                    + "|(?:作者|文章|路线图|指南)(?:里|中)?(?:有|给了?)(?:啥|什么|没有|哪些)(?!背景|来头|经历|资历|资格|头衔)");

    /**
     * The message names the article or its author as what it asks about (broader than {@link #ASKS_THE_ARTICLE}: no
     * verb of saying needed). The service then judges it as a roadmap question.
     */
    static final GuardedPattern NAMES_THE_ARTICLE = GuardedPattern.compile(
            "(?i)\\b(?:the|this|your) (?:article|roadmap|guide|author)\\b|\\bthe article'?s\\b|\\baccording to (?:the|this|your)\\b"
                    + "|这篇文章|按(?:照)?文章|文章(?:里|中|说|推荐|引用|提到|认为|最后|的说法|列)|文章(?:也|又|是)(?:这么|这样)?说|作者(?:说|觉得|认为|推荐|提到)"
                    + "|路线图(?:里|中|说|推荐)|(?:文章|作者)(?:为啥|为什么)?(?:强调|要求|坚持)|(?:作者|文章)(?:有|给了?)(?:啥|什么|没有|哪些)(?!背景|来头|经历|资历|资格|头衔)");

    /**
     * The message without the words that only say it asks what the article or its author says ("does the author say",
     * "文章里说"): they put the question on the roadmap, and must not make it a question about the article itself.
     */
    static String withoutArticleFraming(String message) {
        String rest = ASKS_THE_ARTICLE.matcher(lower(message)).replaceAll(" ").strip();
        return rest.isEmpty() ? message : rest;
    }

    /** The kind of out-of-scope request the message is, if it is one. */
    static Optional<OutOfScope> of(String message) {
        String q = message == null ? "" : message;
        if (q.isBlank()) {
            return Optional.empty();
        }
        return read(lower(q));
    }

    private static Optional<OutOfScope> read(String q) {
        Optional<OutOfScope> kind = kindOf(q);
        // what the article or one of its people said is the question; the error or tool beside it is the asker's story
        if (kind.isPresent() && (ASKS_THE_ARTICLE.find(q) || ASKS_WHAT_THEY_SAID.find(q))
                && java.util.EnumSet.of(TROUBLESHOOTING, ACCOUNT, GEAR, UNLISTED, INTERVIEWS).contains(kind.get())) {
            return Optional.empty();
        }
        // "现在都说程序员迟早被AI取代,那文章为啥还让自学的人先走软件工程路线": the news is the asker's doubt, why the
        // article recommends what it does is the question
        if (kind.filter(k -> k == NEWS).isPresent() && WHY_RECOMMENDED.find(q)) {
            return Optional.empty();
        }
        // "MLE为啥要会写工具搞自动化 感觉调参手动点点就行": why the job needs something, whatever tuning is said about it;
        // "is it quicker to pick up ML or SWE" (a bootcamp's stack as background) weighs the two halves, not tools
        if ((kind.filter(k -> k == TROUBLESHOOTING).isPresent() && WHY_ROLE_MUST.find(q))
                || (kind.filter(k -> k == GEAR).isPresent() && ML_VS_SWE.find(q))) {
            return Optional.empty();
        }
        // "fullstackopen会讲docker和数据库吗", "does FSO actually cover docker + databases": what one of the roadmap's
        // resources covers is its question, whichever tools it names
        if (kind.filter(k -> k == GEAR).isPresent() && ROADMAP_COURSE.find(q) && COVERS.find(q)) {
            return Optional.empty();
        }
        // "bad at leetcode-type stuff, for the SWE part what does the article want me to know": the interviews are the
        // asker's story, the roadmap's software-engineering part is the question
        if (kind.filter(k -> k == INTERVIEWS).isPresent() && (NAMES_THE_ARTICLE.find(q) && SOFTWARE_PART.find(q)
                || LEETCODE_ALONE.find(q))) {
            return Optional.empty();
        }
        return kind;
    }

    private static Optional<OutOfScope> kindOf(String q) {
        if (CRISIS_WORDS.find(q)) {
            return Optional.of(CRISIS);
        }
        if (BOT_ITSELF_ASKED.find(q)) {
            return Optional.of(BOT_ITSELF);
        }
        if (CODE_TASK.find(q) && !PLAN.find(q)) {
            return Optional.of(CODE);
        }
        if ((TROUBLE.find(q) && !SILENT_BUGS.find(q)) || TOOL_SETUP.find(q)) {
            return Optional.of(TROUBLESHOOTING);
        }
        if ((ACCOUNT_ALWAYS.find(q) || (PRICE.find(q) && PLATFORM.find(q)))
                && !PROJECTS_OVER_CERTIFICATES.find(q)) {
            return Optional.of(ACCOUNT);
        }
        // a course's own lessons counted or timed, in one sentence with the course
        if (inOneSentence(q, COURSE_NAMED, COURSE_DETAIL)) {
            return Optional.of(COURSE_DETAILS);
        }
        if (SALARY_WORDS.find(q)) {
            return Optional.of(SALARY);
        }
        if ((HARDWARE.find(q) && BUY.find(q)) || frameworkChoice(q)
                || (EDITOR_SETUP.find(q) && FRAMEWORK.find(q))) {
            return Optional.of(GEAR);
        }
        if (OTHER_CAREER_ROUTE.find(q) || OTHER_ROLES_WEIGHED.find(q)
                || (ROUTE_ASKED.find(q) && BECOME.find(q) && !ANCHOR.find(q))) {
            return Optional.of(OTHER_CAREER);
        }
        if (!SHOULD_LEARN.find(q) && !ROADMAP_RESOURCE.find(q) && CONCEPT.find(q)
                && (EXPLAIN.find(q) || WHAT_IS_CONCEPT.find(q))) {
            return Optional.of(EXPLANATION);
        }
        if (NEWS_WORDS.find(q)
                || (PRODUCT.find(q) && (RELEASE.find(q)
                        || (MODELS_COMPARED.find(q) && !ROADMAP_PEOPLE.find(q))))) {
            return Optional.of(NEWS);
        }
        if (INTERVIEW_PREP.find(q)) {
            return Optional.of(INTERVIEWS);
        }
        if (OTHER_RESOURCES.find(q) && ABOUT_RESOURCE.find(q)) {
            return Optional.of(OTHER_RESOURCE);
        }
        if (UNLISTED_ASKED.find(q) && !ROADMAP_PEOPLE.find(q) && !DATA_SKILLS.find(q)
                && !(q.contains("kaggle") && OWN_PROJECTS.find(q))) {
            return Optional.of(UNLISTED);
        }
        if (LIFE_DECISION.find(q)) {
            return Optional.of(ELSEWHERE);
        }
        if (OTHER_FIELD.find(q) && !ANCHOR_STRICT.find(q)) {
            return Optional.of(ELSEWHERE);
        }
        if (LEGAL_ASKED.find(q)) {
            return Optional.of(LEGAL);
        }
        // the asker's family or hobbies beside the roadmap's people or the article itself are their situation, not the topic
        if (LIFE.find(q) && !ANCHOR.find(q) && !ROADMAP_PEOPLE.find(q)
                && !ASKS_THE_ARTICLE.find(q) && !q.contains("article")
                && !q.contains("文章")) {
            return Optional.of(ELSEWHERE);
        }
        return Optional.empty();
    }

    /** Two frameworks, or one against an unnamed other ("pytorch or something else"), is a choice the roadmap never makes. */
    private static boolean frameworkChoice(String q) {
        var m = FRAMEWORK.matcher(q);
        int named = 0;
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            if (seen.add(m.group())) { // the message is in lower case already (see #of)
                named++;
            }
        }
        // two tools named as the asker's background ("docker & k8s are my bread and butter… which resource in the
        // roadmap covers MLOps") is no choice between them
        if (NAMES_THE_ARTICLE.find(q)) {
            return named >= 1 && TOOLS_WEIGHED.find(q);
        }
        // "shipped Flask apps at work… which resource should I take?": one tool as the asker's background, and the
        // roadmap's own resources to choose among
        return named >= 2 || (named == 1 && inOneSentence(q, FRAMEWORK, COMPARE) && !ROADMAP_PICK.find(q));
    }

    /**
     * Whether one sentence of the message holds both: a tool and a comparison ("请问下 shallow ML 和 deep learning 哪个先学?
     * 群里有人直接上pytorch了" weighs two stages, the tool is another sentence's story), a course and a detail of its layout.
     */
    private static boolean inOneSentence(String q, Scan one, Scan other) {
        for (String sentence : SENTENCE_END.split(q)) {
            if (one.find(sentence) && other.find(sentence)) {
                return true;
            }
        }
        return false;
    }

    private static final GuardedPattern SENTENCE_END = GuardedPattern.compile("[?？。!！\\n]+");

    /** A course or book the roadmap itself names. */
    private static final Scan ROADMAP_COURSE = compile(
            "\\b(?:cs50|helsinki|fast\\.?ai|full ?stack ?open|fso|full ?stack deep learning|fsdl|dead simple python|hugging ?face courses?)\\b|fullstackopen|赫尔辛基|吴恩达");
    /** Asking what a course covers. */
    private static final Scan COVERS = compile(
            "\\b(?:covers?|covering|teach(?:es)?|include[sd]?|go(?:es)? into|touch(?:es)? on|talk about)\\b|讲不讲|会讲|讲了|有没有讲|教不教|会教|包括|涵盖|涉及|覆盖");

    /** Choosing among the roadmap's resources: "which resource / course / book", "哪门课", "哪本书". */
    private static final Scan ROADMAP_PICK = compile(
            "\\bwhich (?:resource|course|book|class|mooc|one of (?:the|these) (?:resources|courses|books))s?\\b|哪(?:个|门|本)(?:课|资源|书)");

    /** The key of the line that says what kind of request this is, in the qa_informal bundle. */
    String messageKey() {
        return "outOfScope." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
