package org.dualprevention.analytics.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dualprevention.analytics.EarlyWarning;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.RecordRef;
import org.dualprevention.analytics.Warning;
import org.dualprevention.analytics.WarningRule;
import org.dualprevention.analytics.WarningSettings;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;

/** Warnings in words: every rule has a name and a sentence in both languages, with the right numbers. */
class WarningTextsTest {
    private static final OrgUnitId C = OrgUnitId.of("C");
    private static final OrgUnitId W = OrgUnitId.of("W");
    private static final Organization ORG = Organization.of(List.of(OrgUnit.root(C, "华信公司", ControlLevel.COMPANY),
            OrgUnit.child(W, "合成车间", ControlLevel.WORKSHOP, C)));
    private static final RiskPoint RP = RiskPoint.of(RiskPointId.of("RP1"), "1号反应釜", RiskPointKind.EQUIPMENT, W,
            Optional.of(MapZoneId.of("Z1")));
    private static final MapZone Z1 = MapZone.rectangle(MapZoneId.of("Z1"), "合成区", 0, 0, 10, 10, Optional.empty());
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /** A warning of each rule with the figures EarlyWarning gives it. */
    static Warning sample(WarningRule rule) {
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        RecordRef subject = RecordRef.of(RecordRef.ORG_UNIT, "W");
        switch (rule) {
            case EFFECTIVE_LEVEL_RISE:
                subject = RecordRef.of(RecordRef.RISK_POINT, "RP1");
                f.put("assessedSeverity", BigDecimal.valueOf(2));
                f.put("effectiveSeverity", BigDecimal.valueOf(4));
                f.put("records", BigDecimal.ONE);
                break;
            case HIDDEN_DANGER_OVERDUE:
                subject = RecordRef.of(RecordRef.HIDDEN_DANGER, "HD-1");
                f.put("daysOverdue", BigDecimal.ONE);
                break;
            case HIDDEN_DANGER_DUE_SOON:
                subject = RecordRef.of(RecordRef.HIDDEN_DANGER, "HD-2");
                f.put("daysLeft", BigDecimal.valueOf(2));
                break;
            case INSPECTION_MISSED:
                f.put("missed", BigDecimal.valueOf(2));
                f.put("due", BigDecimal.valueOf(3));
                f.put("lookbackDays", BigDecimal.valueOf(7));
                break;
            case RISING_TREND:
                subject = RecordRef.of(RecordRef.MAP_ZONE, "Z1");
                f.put("slope", new BigDecimal("1.114285714"));
                f.put("pValue", new BigDecimal("0.0406"));
                f.put("periods", BigDecimal.valueOf(6));
                break;
            case IMPROBABLE_COUNT:
                f.put("observed", BigDecimal.valueOf(7));
                f.put("mean", BigDecimal.ONE);
                f.put("pValue", new BigDecimal("0.00083"));
                f.put("historyMonths", BigDecimal.valueOf(5));
                break;
            case REPEATED_HIDDEN_DANGER:
                subject = RecordRef.of(RecordRef.RISK_POINT, "RP1");
                f.put("count", BigDecimal.valueOf(3));
                f.put("windowDays", BigDecimal.valueOf(90));
                break;
            default:
                throw new IllegalStateException(rule.code());
        }
        return new Warning(rule, subject, "log line", f, List.of());
    }

    @ParameterizedTest
    @EnumSource(WarningRule.class)
    void everyRuleHasANameAndASentenceInBothLanguages(WarningRule rule) {
        WarningTexts zh = WarningTexts.of(Locale.SIMPLIFIED_CHINESE, ORG, List.of(RP), List.of(Z1));
        WarningTexts en = WarningTexts.of(Locale.ENGLISH, ORG, List.of(RP), List.of(Z1));
        assertTrue(HAN.matcher(zh.ruleName(rule)).find(), zh.ruleName(rule));
        assertFalse(HAN.matcher(en.ruleName(rule)).find(), en.ruleName(rule));
        assertNotEquals(rule.code(), en.ruleName(rule));
        String zhText = zh.describe(sample(rule));
        String enText = en.describe(sample(rule));
        assertFalse(zhText.matches("(?s).*\\b[a-z][a-z-]{2,}\\b.*"), "untranslated in " + zhText);
        assertFalse(zhText.contains("{") || enText.contains("{"), zhText + " / " + enText);
        assertFalse(enText.matches("(?s).*\\b1 days\\b.*"), enText);
    }

    @Test
    void sentencesSayTheNumbers() {
        WarningTexts zh = WarningTexts.of(Locale.SIMPLIFIED_CHINESE, ORG, List.of(RP), List.of(Z1));
        WarningTexts en = WarningTexts.of(Locale.ENGLISH, ORG, List.of(RP), List.of(Z1));
        assertEquals("风险点“1号反应釜”的动态风险等级由一般风险（黄）升为重大风险（红），涉及1项未关闭隐患。",
                zh.describe(sample(WarningRule.EFFECTIVE_LEVEL_RISE)));
        assertEquals("隐患“HD-1”已逾期1天未整改。", zh.describe(sample(WarningRule.HIDDEN_DANGER_OVERDUE)));
        assertEquals("Hidden danger \"HD-1\" is 1 day past its deadline.",
                en.describe(sample(WarningRule.HIDDEN_DANGER_OVERDUE)));
        assertEquals("合成车间近7天应完成排查任务3项，未按时完成2项。", zh.describe(sample(WarningRule.INSPECTION_MISSED)));
        assertEquals("区域“合成区”近6个月发现的隐患逐月增加，平均每月多1.11项（p = 0.0406）。",
                zh.describe(sample(WarningRule.RISING_TREND)));
        assertEquals("合成车间上月发现隐患7项，明显多于此前5个月的月均1项（p = 0.0008）。",
                zh.describe(sample(WarningRule.IMPROBABLE_COUNT)));
        assertEquals("隐患逾期未整改", zh.ruleName(WarningRule.HIDDEN_DANGER_OVERDUE));
        // by title when the hidden dangers are given
        org.dualprevention.danger.HiddenDanger d = new Plant(org.dualprevention.testkit.gen.Gen.of(3)).dangers.get(0);
        Warning onD = new Warning(WarningRule.HIDDEN_DANGER_OVERDUE, RecordRef.of(RecordRef.HIDDEN_DANGER, d.id().value()),
                "log", Map.of("daysOverdue", BigDecimal.valueOf(2)), List.of());
        assertEquals("隐患“" + d.title() + "”已逾期2天未整改。", zh.withHiddenDangers(List.of(d)).describe(onD));
    }

    @Test
    void aWarningsPageFromRealWarnings() throws Exception {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.of(2026, 7, 15);
        Clock clock = Clock.fixed(today.atTime(10, 0).atZone(zone).toInstant(), zone);
        List<Warning> warnings = EarlyWarning.of(ORG, clock, zone, WarningSettings.defaults()).fromDangers(List.of(
                HiddenDangerFact.builder("HD-9", W, "general", today.minusDays(10)).deadline(today.minusDays(1)).build()));
        assertEquals(1, warnings.size());
        Documents docs = Documents.chinese();
        Document page = HtmlCheck.check(docs.warnings(warnings, WarningTexts.of(Locale.SIMPLIFIED_CHINESE, ORG,
                List.of(RP), List.of(Z1)), today), "warnings");
        String all = page.getDocumentElement().getTextContent();
        assertTrue(all.contains("隐患逾期未整改") && all.contains("隐患“HD-9”已逾期1天未整改。"), all);
        assertTrue(HtmlCheck.check(docs.warnings(List.of(), WarningTexts.of(Locale.SIMPLIFIED_CHINESE, ORG, List.of(),
                List.of()), today), "no warnings").getDocumentElement().getTextContent().contains("当前没有预警"));
    }
}
