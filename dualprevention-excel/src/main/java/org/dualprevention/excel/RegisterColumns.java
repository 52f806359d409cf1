package org.dualprevention.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MeasureCategory;
import org.jspecify.annotations.Nullable;

/** The columns of the register form (风险分级管控清单), in sheet order, with their headers in both languages. */
final class RegisterColumns {
    static final String SHEET_ZH = "风险分级管控清单";
    static final String SHEET_EN = "Risk register";

    /** Fixed columns before the factor columns. */
    enum Col {
        NO("序号", "No."),
        RP_ID("风险点编号", "Risk point id"),
        RP_NAME("风险点名称", "Risk point"),
        RP_KIND("风险点类型", "Risk point kind"),
        RP_UNIT("所属单位", "Owning unit"),
        RP_ZONE("区域编号", "Zone id"),
        HZ_ID("危险源编号", "Hazard id"),
        HZ_DESC("危险有害因素", "Hazard"),
        HZ_CATEGORY("危险有害因素类别", "Hazard category"),
        HZ_ACCIDENTS("可能导致的事故类型", "Accident types"),
        HZ_CAUSES("原因", "Causes"),
        HZ_CONSEQUENCES("后果", "Consequences"),
        METHOD("评价方法", "Method"),
        SCORE("风险值", "Score"),
        GRADE("评价分级", "Grade"),
        LEVEL("风险等级", "Risk level"),
        SCHEME("分级标准", "Grading scheme"),
        KIND("评价类型", "Assessment kind"),
        ASSESSOR("评价人", "Assessor"),
        ASSESSED_AT("评价时间", "Assessed at"),
        ASSESSMENT_ID("评价编号", "Assessment id"),
        HISTORY("历史评价", "Earlier assessments"),
        CONTROL_LEVEL("管控层级", "Control level"),
        RESPONSIBLE_UNIT("责任单位", "Responsible unit"),
        ENGINEERING(MeasureCategory.ENGINEERING),
        MANAGEMENT(MeasureCategory.MANAGEMENT),
        TRAINING(MeasureCategory.TRAINING),
        PERSONAL_PROTECTION(MeasureCategory.PERSONAL_PROTECTION),
        EMERGENCY(MeasureCategory.EMERGENCY),
        REASSESSMENT("待重新评价", "Reassessment due");

        final String zh;
        final String en;
        final @Nullable MeasureCategory measures;

        Col(String zh, String en) {
            this.zh = zh;
            this.en = en;
            this.measures = null;
        }

        Col(MeasureCategory c) {
            this.zh = c.displayName(Text.ZH);
            this.en = c.displayName(Text.EN);
            this.measures = c;
        }

        String header(boolean chinese) {
            return chinese ? zh : en;
        }
    }

    /** The position of a measure category's column among the columns (the form's order of categories). */
    static int measureColumn(MeasureCategory category) {
        for (Col c : Col.values()) {
            if (c.measures == category) {
                return c.ordinal();
            }
        }
        throw new IllegalArgumentException("measure category [" + category + "] has no column; allowed: "
                + List.of(MeasureCategory.values()));
    }

    /** Columns before the factors: up to and including METHOD. */
    static final int FACTORS_AT = Col.METHOD.ordinal() + 1;

    private final List<String> factorKeys;

    RegisterColumns(ExcelContext context) {
        Map<String, List<FactorDefinition>> keys = context.factorKeys();
        this.factorKeys = List.copyOf(keys.keySet());
    }

    List<String> factorKeys() {
        return factorKeys;
    }

    /** Zero-based sheet index of a fixed column. */
    int index(Col c) {
        return c.ordinal() < FACTORS_AT ? c.ordinal() : c.ordinal() + factorKeys.size();
    }

    int factorIndex(int i) {
        return FACTORS_AT + i;
    }

    static String factorHeader(String key, boolean chinese) {
        return (chinese ? "因子 " : "Factor ") + key;
    }

    List<String> headers(boolean chinese) {
        List<String> h = new ArrayList<>();
        for (Col c : Col.values()) {
            if (c.ordinal() == FACTORS_AT) {
                for (String k : factorKeys) {
                    h.add(factorHeader(k, chinese));
                }
            }
            h.add(c.header(chinese));
        }
        return h;
    }

    int width() {
        return Col.values().length + factorKeys.size();
    }
}
