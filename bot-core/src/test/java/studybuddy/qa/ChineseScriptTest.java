package studybuddy.qa;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import org.junit.jupiter.api.Test;

class ChineseScriptTest {

    @Test
    void givenTraditionalCharacters_whenSimplified_thenTheSimplifiedText() {
        // WHEN / THEN
        assertThat(ChineseScript.simplified("讀大學值得嗎 還是直接自學就好")).isEqualTo("读大学值得吗 还是直接自学就好");
        assertThat(ChineseScript.simplified("學完DL要學咩")).isEqualTo("学完DL要学什么");
    }

    @Test
    void givenWrittenCantonese_whenSimplified_thenMandarinWords() {
        // WHEN / THEN: 係 is 是 here, while the simplified 系 of 数学系 stays a department
        assertThat(ChineseScript.simplified("已經係碼農 下班後自學轉MLE大概要幾耐?")).isEqualTo("已经是码农 下班后自学转MLE大概要多久?");
        assertThat(ChineseScript.simplified("我係数学系的 点样开始")).isEqualTo("我是数学系的 怎样开始");
        // a Cantonese word alone, in either script
        assertThat(ChineseScript.simplified("點樣開始")).isEqualTo("怎样开始");
        assertThat(ChineseScript.simplified("点样开始")).isEqualTo("怎样开始");
    }

    @Test
    void givenTaiwanWordsInTraditionalText_whenSimplified_thenTheMainlandWords() {
        // WHEN / THEN: 軟體 is software and 資料 data in Taiwan; converted characters alone would keep 软体 and 资料
        assertThat(ChineseScript.simplified("軟體工程那段 作者列了三個原因")).isEqualTo("软件工程那段 作者列了三个原因");
        assertThat(ChineseScript.simplified("資料科學家要會寫程式嗎")).isEqualTo("数据科学家要会写程序吗");
        // while a mainland learner's 资料 (study materials), written in simplified characters, stays as it is
        assertThat(ChineseScript.simplified("有没有学习资料推荐")).isEqualTo("有没有学习资料推荐");
    }

    @Test
    void givenSimplifiedOrEnglishText_whenSimplified_thenTheSameText() {
        // GIVEN
        String zh = "数学系的学生要先学什么";
        String en = "which maths do I need?";
        // WHEN / THEN: untouched, and the converter never asked
        assertThat(ChineseScript.simplified(zh)).isSameAs(zh);
        assertThat(ChineseScript.simplified(en)).isSameAs(en);
    }

    @Test
    void givenTheTraditionalHints_whenConverted_thenEachIsTraditionalOnly() {
        // GIVEN the characters that trigger the conversion
        Transliterator converter = Transliterator.getInstance("Traditional-Simplified");
        // THEN none of them is also written in simplified text (which would load the converter for nothing)
        for (char c : ChineseScript.TRADITIONAL.toCharArray()) {
            assertThat(converter.transliterate(String.valueOf(c))).as("%s", c).isNotEqualTo(String.valueOf(c));
        }
    }

    @Test
    void givenATraditionalQuestion_whenAnswered_thenTheSameTopicAsInSimplified() {
        // WHEN
        Answer traditional = QaService.shared().answer("讀大學值得嗎 還是直接自學就好", null, java.util.Optional.empty());
        Answer simplified = QaService.shared().answer("读大学值得吗 还是直接自学就好", null, java.util.Optional.empty());
        // THEN
        assertThat(traditional.confident()).isEqualTo(simplified.confident());
        assertThat(traditional.topic()).isEqualTo(simplified.topic());
    }
}
