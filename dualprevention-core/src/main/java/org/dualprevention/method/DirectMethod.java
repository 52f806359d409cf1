package org.dualprevention.method;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;

/**
 * 直接判定法, direct determination of 重大风险 (DOMAIN.md §4.2, DB37/T 2882-2016 重大风险确定原则 as
 * recalled [U]). Each factor is one major-risk criterion, given as a flag 0 (not met) or 1 (met):
 * <ul>
 *   <li>{@code LAW} — violates laws, regulations or mandatory clauses of national standards;</li>
 *   <li>{@code ACCIDENT} — has caused death, serious injury, occupational disease or major loss (or
 *       three or more minor injuries) and the conditions still exist;</li>
 *   <li>{@code MAJOR_HAZARD} — involves a major hazard installation (重大危险源);</li>
 *   <li>{@code CROWDED} — fire-, explosion- or poisoning-prone place with 10 or more workers;</li>
 *   <li>{@code HIGHEST} — rated at the highest level by an assessment.</li>
 * </ul>
 * The score is the number of criteria met (0 to 5). The default scheme {@code DIRECT} grades 1 or more
 * as 重大 (MAJOR) and 0 as LOW with a grade saying "no major-risk criterion met". Under the engine's
 * default combination rule (the most severe level of all assessments of a hazard) that LOW result
 * never lowers a hazard's level: it only adds nothing, while a met criterion forces 重大.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class DirectMethod implements AssessmentMethod {
    /** The id {@code DIRECT}. */
    public static final MethodId ID = MethodId.of("DIRECT");

    private static final List<FactorDefinition> FACTORS = List.of(
            FactorDefinition.discrete("LAW", "违反法律、法规及国家标准中强制性条款 (violates laws or mandatory standards); 1 = met", "0", "1"),
            FactorDefinition.discrete("ACCIDENT", "发生过死亡、重伤、职业病、重大财产损失事故，且现在发生事故的条件依然存在 (accident history, conditions still present); 1 = met", "0", "1"),
            FactorDefinition.discrete("MAJOR_HAZARD", "涉及重大危险源 (involves a major hazard installation); 1 = met", "0", "1"),
            FactorDefinition.discrete("CROWDED", "具有中毒、爆炸、火灾等危险的场所，作业人员在10人及以上 (dangerous place with 10 or more workers); 1 = met", "0", "1"),
            FactorDefinition.discrete("HIGHEST", "经风险评价确定为最高级别风险 (rated highest by an assessment); 1 = met", "0", "1"));

    /** Creates the method; used by {@link java.util.ServiceLoader}. */
    public DirectMethod() {
    }

    @Override
    public MethodId id() {
        return ID;
    }

    @Override
    public List<FactorDefinition> factors() {
        return FACTORS;
    }

    @Override
    public SchemeId defaultScheme() {
        return BuiltInSchemes.DIRECT_ID;
    }

    /**
     * Counts the criteria met.
     *
     * @param input a flag 0 or 1 for every criterion
     * @return the number of criteria met, 0 to 5
     * @throws org.dualprevention.ValidationException listing every missing, unknown or non-flag factor
     */
    @Override
    public Score evaluate(AssessmentInput input) {
        Objects.requireNonNull(input, "input");
        validate(input);
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (FactorDefinition f : FACTORS) {
            sum = sum.add(input.value(f.key()).orElseThrow());
        }
        return Score.of(sum);
    }

    /**
     * The name in Chinese for {@code zh} locales, English otherwise.
     *
     * @param locale the locale
     * @return the name
     */
    @Override
    public String displayName(Locale locale) {
        return Factors.chinese(Objects.requireNonNull(locale, "locale")) ? "直接判定法"
                : "Direct determination of major risk";
    }

    @Override
    public String toString() {
        return "DIRECT " + FACTORS.stream().map(FactorDefinition::key).toList();
    }
}
