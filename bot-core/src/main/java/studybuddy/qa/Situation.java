package studybuddy.qa;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import studybuddy.roadmap.Background;
import studybuddy.roadmap.LearningPath;

/**
 * What a message says about the asker ("I'm 35, a Java dev, 2 hours a day, realistic?", "文科生，每周能学10个小时"):
 * where they start, how many hours a week they can give, their age and whether their maths is weak.
 *
 * @param background  the starting point the words point to, if any
 * @param weeklyHours hours a week (a daily figure times seven; "full time" 40), 0 when not said
 * @param age         the stated age, 0 when not said
 * @param weakMaths   the asker says their maths is weak
 * @param asksTime    the message asks how long it takes or whether it is realistic
 */
public record Situation(Optional<Background> background, int weeklyHours, int age, boolean weakMaths, boolean asksTime) {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /** Checked in this order: an analyst who codes is closest to a data scientist, a dev who studied maths to a dev. */
    private static final GuardedPattern DATA_SCIENTIST = GuardedPattern.compile(
            "\\bdata\\s*(scientist|analyst)s?\\b|^\\W*ds (here|by trade)\\b|\\bds ?(→|->|=>|to|转) ?(mle|ml|机器学习)|(做|我是)ds|^\\W*ds (w/?|with)\\b|\\b(i'?m|i am|as|work as) an? ds\\b|\\b(bi|business)\\s*analyst|\\banalyst\\b|数据分析|数据科学家|分析师|做数据的", FLAGS);
    private static final GuardedPattern DEVELOPER = GuardedPattern.compile(
            "\\b(java|python|c\\+\\+|c#|golang|go|php|ruby|js|javascript|typescript|node|react|frontend|front-end|front end"
                    + "|backend|back-end|back end|full[- ]?stack|web|ios|android|mobile|software|game|embedded)\\s*"
                    + "(dev|devs|developer|developers|engineer|programmer|guy|girl)\\b"
                    + "|\\b(i'?m|i am|as|work as|working as)\\s+(an?\\s+)?(dev|developer|programmer|coder|swe|software engineer)\\b"
                    + "|\\b(dev|developer|programmer|coder|swe)\\s+(?:(here|by day|for \\d+|with)\\b|w/)"
                    // "要是优秀的软件工程师" quotes the article's demand, it does not say who the asker is
                    // ("软件工程师" is one of the stacks below)
                    + "|程序员|码农|切图仔|写代码的"
                    + "|(?<!优秀的|好的|合格的|成为|当个|当一名|做一名)(java|python|c\\+\\+|c#|golang|go|rust|kotlin|swift|node|php|前端|后端|全栈|安卓|ios|web|软件|游戏|嵌入式)\\s*(开发|工程师)"
                    // years in a stack: "java后端三年", "前端5年", "做了三年后端"
                    + "|(java|golang|c\\+\\+|c#|php|前端|后端|全栈|安卓|ios)\\s*(后端|前端|开发)?\\s*((干|做|写)了?)?\\s*(\\d+|[一二两三四五六七八九十几]+)\\s*年"
                    + "|(天天|每天|整天)(写)?crud"
                    + "|(做|干|搞|写)了?\\s*(\\d+|[一二两三四五六七八九十几]+)\\s*年(的)?\\s*(java|python|golang|c\\+\\+|php|react|vue|后端|前端|全栈|开发|代码|crud|业务代码|增删改查)"
                    // "我是前端", "本人后端": the stack as the asker's trade
                    + "|(我是|本人|我在做|我做)(一名|一个)?\\s*(前端|后端|全栈|安卓|ios|web|java|开发)"
                    + "|(做|干|搞|写)(开发|前端|后端|全栈)|开发人员|开发者"
                    // code written for a living under another name: "QA automation eng", "count as a 'developer'"
                    + "|\\b(?:working|professional|full[- ]time) (?:programmer|developer|dev|coder|software engineer)\\b"
                    + "|^\\W*(?:i'?m an? )?dev (?:here|w/?|with|by day)\\b|\\b(qa|test) automation (eng|engineer)s?\\b|\\bsdets?\\b|\\bcount as an? ['\"‘“]?(dev|developer|programmer)\\b", FLAGS);
    private static final GuardedPattern QUANT_STUDENT = GuardedPattern.compile(
            "\\b(physics|math|maths|mathematics|statistics|stats|engineering|stem|econ|economics)\\s*"
                    + "(student|major|degree|phd|grad|graduate|undergrad)\\b"
                    + "|数学系|物理系|统计系|理工科|(数学|物理|统计|理工)学?(专业|学生|硕士|博士|本科|研[一二三]|大[一二三四])", FLAGS);
    private static final GuardedPattern SCRATCH = GuardedPattern.compile(
            "\\bfrom (scratch|zero)\\b|\\bno (coding |programming |tech |cs )?(experience|background)\\b|\\bzero (experience|background)\\b"
                    + "|\\b(total|complete|absolute) (beginner|noob|newbie)\\b|\\bnon[- ]tech|\\b(nurse|teacher|accountant|lawyer|marketer)\\b"
                    + "|\\barts? (degree|major|student)\\b|零基础|小白|文科|没(有)?基础|不会编程|完全不懂|从零开始", FLAGS);

    // Chinese figures may be approximate: 十来个 (about ten), 十几个 (ten-odd), 两三个 (two or three)
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十半]+[来多几]?)";
    private static final GuardedPattern HOURS = GuardedPattern.compile(
            NUMBER + "\\s*(?:(?:-|~|到|至)\\s*" + NUMBER + "\\s*)?(?:h\\b|hrs?\\b|hours?\\b|个?小时|个?钟头|h/)", FLAGS);
    private static final GuardedPattern PER_DAY = GuardedPattern.compile(
            "a day|per day|/\\s*day|/d\\b|daily|each day|every day|a night|every (evening|night)|each (evening|night)"
                    + "|每天|一天|每日|天天|每晚|晚上", FLAGS);
    private static final GuardedPattern PER_WEEK = GuardedPattern.compile(
            "a week|per week|/\\s*w(ee)?k|weekly|each week|every week|每周|一周|每星期|一星期|每个星期|每礼拜", FLAGS);
    /** A daily figure in minutes: "45 min a night", "每天40分钟". */
    private static final GuardedPattern MINUTES = GuardedPattern.compile(
            "(\\d{1,3})\\s*(?:min\\b|mins\\b|minutes?\\b|分钟)", FLAGS);
    private static final GuardedPattern FULL_TIME = GuardedPattern.compile("\\bfull[- ]?time\\b|全职|脱产", FLAGS);
    private static final GuardedPattern AGE = GuardedPattern.compile(
            "\\b(?:i'?m|i am|age|aged)\\s*(\\d{2})\\b(?!\\s*(?:h|hours?|hrs?|min|%|k\\b))|\\b(\\d{2})\\s*(?:yo|y/o|years old|yrs old)\\b"
                    + "|(\\d{2})\\s*岁|^\\s*(\\d{2})\\s*[,，/]\\s*(?=\\D)|^\\s*(\\d{2})\\s*了", FLAGS);
    private static final GuardedPattern WEAK_MATHS = GuardedPattern.compile(
            "\\bmaths?\\s*(is|are|'s)?\\s*(really |super |pretty |very )?(weak|bad|trash|rusty|terrible|awful|sucks|shaky)"
                    + "|\\b(bad|weak|terrible|awful) (at|in) maths?\\b|\\bsuck at maths?\\b"
                    + "|数学(基础)?(很|太|超|特别|比较|非常|贼)?(烂|差|不好|渣|弱|不行|一般)", FLAGS);
    private static final GuardedPattern ASKS_TIME = GuardedPattern.compile(
            "\\bhow (long|many (months|years|weeks))\\b|\\btime estimates?\\b|\\brealistic\\b|\\bfeasible\\b|\\bdoable\\b|\\btoo (old|late)\\b"
                    + "|\\btimeline\\b|\\bwhen (can|could|will) i\\b|\\bis (it|that|this) (possible|enough)\\b|\\benough time\\b"
                    + "|多久|多长时间|多少时间|几个月|(?<![当做干了])几年|现实吗|现实不|可行|来得及|太晚|晚不晚|晚了吗|有戏|能行吗|要多少个月"
                    // "够吗" asks about time only next to it ("会写代码还不够吗" asks whether coding is enough)
                    + "|(时间|小时|钟头|个月|年|天|周)[^，。？?！!,]{0,6}(够不够|够吗)", FLAGS);

    /** A stated weekly or daily figure, or an age: "2 hours a day", "每天能学两小时", "I'm 35", "32岁". */
    private static final GuardedPattern FIGURES = GuardedPattern.compile(
            AGE.pattern() + "|" + HOURS.pattern() + "(?:\\s*(?:" + PER_DAY.pattern() + "|" + PER_WEEK.pattern() + "))?"
                    + "|(?:" + PER_DAY.pattern() + "|" + PER_WEEK.pattern() + ")\\s*(?:能|可以|只能|大概|约)?(?:学|挤出|抽出)?\\s*" + HOURS.pattern()
                    + "|" + MINUTES.pattern(), FLAGS);

    /**
     * The text without the asker's figures (age, hours a day or week): in a question that does not ask how long, they
     * describe the asker, and would otherwise draw the words towards the time topics.
     */
    public static String withoutFigures(String text) {
        String rest = FIGURES.matcher(text).replaceAll(" ").strip();
        return rest.isEmpty() ? text : rest;
    }

    public boolean statesSomething() {
        return background.isPresent() || weeklyHours > 0 || age > 0;
    }

    /** The path the roadmap suggests for this start: students of a quantitative subject take the data path. */
    public LearningPath path() {
        return background.orElse(Background.SCRATCH) == Background.QUANT_STUDENT ? LearningPath.DATA : LearningPath.SOFTWARE;
    }

    public static Situation read(String text) {
        String t = text == null ? "" : text;
        return new Situation(background(t), weeklyHours(t), age(t), WEAK_MATHS.find(t), ASKS_TIME.find(t));
    }

    /**
     * A role named as whose job something is ("还是那是数据分析师的事", "or is that the data scientist's job"): another
     * person's work, not the asker's background.
     */
    static final GuardedPattern OTHERS_JOB = GuardedPattern.compile(
            "(?:那|这|它)?(?:是|算)?(?:数据分析师|数据科学家|分析师|研究员|科学家|算法工程师)(?:们)?的(?:事|活|工作|职责|范畴|任务)"
                    + "|\\b(?:(?:is|isn'?t) (?:that|it|this) )?(?:the |a )?(?:data (?:scientist|analyst)|researcher|scientist|analyst)s?'s? "
                    + "(?:job|work|thing|task|area)\\b", FLAGS);

    private static Optional<Background> background(String text) {
        String t = OTHERS_JOB.matcher(text).replaceAll(" ");
        if (DATA_SCIENTIST.find(t)) {
            return Optional.of(Background.DATA_SCIENTIST);
        }
        if (DEVELOPER.find(t)) {
            return Optional.of(Background.DEVELOPER);
        }
        if (QUANT_STUDENT.find(t)) {
            return Optional.of(Background.QUANT_STUDENT);
        }
        if (SCRATCH.find(t)) {
            return Optional.of(Background.SCRATCH);
        }
        return Optional.empty();
    }

    private static int weeklyHours(String t) {
        Matcher m = HOURS.matcher(t);
        while (m.find()) {
            double low = number(m.group(1));
            double high = m.group(2) == null ? low : number(m.group(2));
            double hours = (low + high) / 2;
            if (hours <= 0) {
                continue;
            }
            // The period is said next to the figure: "每天能学2小时", "2 hours a day", "~10h/week".
            String around = t.substring(Math.max(0, m.start() - 12), Math.min(t.length(), m.end() + 16));
            boolean day = PER_DAY.find(around);
            boolean week = PER_WEEK.find(around);
            double weekly = day && !week ? hours * 7 : hours;
            if (!day && !week && hours <= 6) {
                weekly = hours * 7; // "2 hours after work": a small figure without a period is a daily one
            }
            return (int) Math.max(1, Math.min(80, Math.round(weekly)));
        }
        Matcher minutes = MINUTES.matcher(t);
        while (minutes.find()) {
            int perSession = Integer.parseInt(minutes.group(1));
            String around = t.substring(Math.max(0, minutes.start() - 12), Math.min(t.length(), minutes.end() + 16));
            if (perSession > 0 && perSession <= 300 && !PER_WEEK.find(around)) {
                return (int) Math.max(1, Math.round(perSession * 7 / 60.0)); // minutes are a daily habit
            }
        }
        return FULL_TIME.find(t) ? 40 : 0;
    }

    private static int age(String t) {
        Matcher m = AGE.matcher(t);
        while (m.find()) {
            int age = Integer.parseInt(RegexGroups.first(m));
            if (age >= 14 && age <= 80) {
                return age;
            }
        }
        return 0;
    }

    /** Arabic or Chinese numerals up to 99 ("两", "十二", "半"). */
    static double number(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        if (Character.isDigit(v.charAt(0))) {
            return Double.parseDouble(v);
        }
        if (v.equals("半")) {
            return 0.5;
        }
        double approx = 0;
        if (v.endsWith("来") || v.endsWith("多")) {
            v = v.substring(0, v.length() - 1); // 十来 / 十多: about ten
        } else if (v.endsWith("几")) {
            v = v.substring(0, v.length() - 1);
            approx = 5; // 十几: ten-odd
        }
        // two digits side by side are a range: 两三 = 2-3, 一两 = 1-2
        if (v.length() == 2 && v.indexOf('十') < 0) {
            double a = number(v.substring(0, 1));
            double b = number(v.substring(1));
            if (b == a + 1) {
                return (a + b) / 2;
            }
        }
        int total = 0;
        int digit = 0;
        for (char c : v.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '两') {
                d = 2;
            }
            if (c == '十') {
                total += (digit == 0 ? 1 : digit) * 10;
                digit = 0;
            } else if (d >= 0) {
                digit = d;
            }
        }
        return total + digit + approx;
    }
}
