package org.dualprevention.hazmat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * The four grades of a major hazard installation by its R value (GB 18218-2018 表6; 安监总局令第40号 附件1;
 * DOMAIN.md §11.2): 一级 R ≥ 100, 二级 50 ≤ R &lt; 100, 三级 10 ≤ R &lt; 50, 四级 R &lt; 10. 一级 is the most
 * severe. Persist {@link #code()}, never the ordinal.
 *
 * @since 0.2
 */
public enum MajorHazardGrade {
    /** 一级重大危险源: R ≥ 100. */
    GRADE_1("grade-1", 1),
    /** 二级重大危险源: 50 ≤ R &lt; 100. */
    GRADE_2("grade-2", 2),
    /** 三级重大危险源: 10 ≤ R &lt; 50. */
    GRADE_3("grade-3", 3),
    /** 四级重大危险源: R &lt; 10. */
    GRADE_4("grade-4", 4);

    private final String code;
    private final int number;

    MajorHazardGrade(String code, int number) {
        this.code = code;
        this.number = number;
    }

    /** @return the stable code {@code grade-1} to {@code grade-4} */
    public String code() {
        return code;
    }

    /** @return 1 for 一级 (most severe) to 4 for 四级 */
    public int number() {
        return number;
    }

    /**
     * The grade with a code.
     *
     * @param code the code
     * @return the grade
     * @throws IllegalArgumentException naming the codes allowed
     */
    public static MajorHazardGrade ofCode(String code) {
        Objects.requireNonNull(code, "code");
        return Arrays.stream(values()).filter(g -> g.code.equals(code)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown major hazard grade [" + code
                        + "]; allowed: grade-1, grade-2, grade-3, grade-4"));
    }

    /**
     * The label: 一级重大危险源 … 四级重大危险源, or English.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.required("MajorHazardGrade." + code, locale);
    }
}
