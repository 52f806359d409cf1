package org.dualprevention.engine.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dualprevention.ValidationException;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardCategoryGroup;
import org.junit.jupiter.api.Test;

/** Register names: every standard name and code, every shipped alias, ambiguity, unknown names, host aliases. */
class RegisterNamesTest {
    private final RegisterNames names = RegisterNames.standard();

    @Test
    void everyAccidentTypeIsFoundByItsChineseAndEnglishNameAndCode() {
        for (AccidentType t : AccidentType.values()) {
            for (Locale l : List.of(Locale.CHINESE, Locale.ENGLISH)) {
                String name = t.displayName(l);
                assertEquals(Optional.of(t), names.accidentType(name).value(), name);
                assertEquals(Optional.of(t), names.accidentType(" " + name.toUpperCase(Locale.ROOT) + "\u3000").value(),
                        "case and white space (an ideographic space too) do not matter: " + name);
            }
            assertEquals(Optional.of(t), names.accidentType(t.code()).value(), t.code());
            assertTrue(names.accidentType(t.code()).alias().isEmpty());
        }
    }

    @Test
    void everyHazardCategoryAndClassIsFoundByName() {
        for (HazardCategoryGroup g : HazardCategoryGroup.values()) {
            assertEquals(Optional.of(HazardCategory.of(g.code())), names.hazardCategory(g.displayName(Locale.CHINESE)).value());
            assertEquals(Optional.of(HazardCategory.of(g.code())), names.hazardCategory(g.displayName(Locale.ENGLISH)).value());
        }
        for (String c : List.of("11", "12", "21", "22", "23", "31", "32", "33", "39", "41", "42", "43", "44", "45", "49")) {
            HazardCategory h = HazardCategory.of(c);
            assertEquals(Optional.of(h), names.hazardCategory(h.displayName(Locale.CHINESE)).value(), h.displayName(Locale.CHINESE));
            assertEquals(Optional.of(h), names.hazardCategory(h.displayName(Locale.ENGLISH)).value(), h.displayName(Locale.ENGLISH));
        }
        assertEquals(Optional.of(HazardCategory.of("2101")), names.hazardCategory("2101").value());
        assertEquals(Optional.of(HazardCategory.of("33")), names.hazardCategory("地下(含水下)作业环境不良").value(),
                "half-width brackets match the full-width ones of the standard name");
    }

    @Test
    void everyShippedAliasMeansWhatItsLineSays() {
        assertTrue(names.aliases().size() >= 20, names.aliases().toString());
        for (NameAlias a : names.aliases()) {
            NameMatch<?> m = a.kind() == NameKind.ACCIDENT_TYPE ? names.accidentType(a.name()) : names.hazardCategory(a.name());
            assertEquals(Optional.of(a), m.alias(), a.name());
            assertTrue(a.origin().startsWith("aliases.tsv:"), a.origin());
            assertFalse(a.source().isBlank());
            if (a.ambiguous()) {
                assertTrue(m.ambiguous() && m.value().isEmpty(), "an ambiguous alias is never resolved: " + a);
                assertEquals(a.codes().isEmpty() ? (a.kind() == NameKind.ACCIDENT_TYPE ? 20 : m.candidates().size())
                        : a.codes().size(), m.candidates().size(), a.toString());
                assertTrue(a.source().startsWith("AMBIGUOUS"), "an ambiguous alias says so: " + a);
            } else {
                String code = a.codes().get(0);
                Object expected = a.kind() == NameKind.ACCIDENT_TYPE ? AccidentType.fromCode(code) : HazardCategory.of(code);
                assertEquals(Optional.of(expected), m.value(), a.toString());
            }
        }
    }

    @Test
    void theIssuesVariantsResolveOrAreReportedAmbiguous() {
        assertEquals(Optional.of(AccidentType.OTHER_INJURY), names.accidentType("其它伤害").value());
        assertEquals(Optional.of(AccidentType.POISONING_ASPHYXIA), names.accidentType("中毒").value());
        NameMatch<AccidentType> mixed = names.accidentType("综合伤害");
        assertTrue(mixed.ambiguous());
        assertEquals(20, mixed.candidates().size());
        String allowed = mixed.allowed(Locale.CHINESE, t -> t.displayName(Locale.CHINESE));
        assertTrue(allowed.startsWith("「综合伤害」有歧义"), allowed);
        assertTrue(allowed.contains("其他伤害"), allowed);
        assertTrue(names.accidentType("全部伤害").ambiguous());
        NameMatch<AccidentType> boom = names.accidentType("爆炸");
        assertEquals(List.of(AccidentType.POWDER_EXPLOSION, AccidentType.GAS_EXPLOSION, AccidentType.BOILER_EXPLOSION,
                AccidentType.VESSEL_EXPLOSION, AccidentType.OTHER_EXPLOSION), boom.candidates());
    }

    @Test
    void anUnknownNameGivesTheClosestValidNames() {
        NameMatch<AccidentType> m = names.accidentType("高处跌落");
        assertFalse(m.found());
        assertFalse(m.ambiguous());
        assertEquals("高处坠落 (09)", m.closest().get(0), m.closest().toString());
        assertEquals(3, m.closest().size());
        NameMatch<AccidentType> en = names.accidentType("fall from hieght");
        assertEquals("Fall from height (09)", en.closest().get(0));
        NameMatch<HazardCategory> h = names.hazardCategory("物理性危险有害因素");
        assertEquals("物理性危险和有害因素 (21)", h.closest().get(0));
        String allowed = h.allowed(Locale.ENGLISH, c -> c.displayName(Locale.ENGLISH));
        assertTrue(allowed.contains("closest: 物理性危险和有害因素 (21)"), allowed);
        assertTrue(names.accidentType("").closest().size() == 3, "an empty name still gets suggestions");
    }

    @Test
    void aHostExtendsTheTableWithItsOwnFile() {
        String table = "# our plant's words\naccident\t碰伤\t01\twritten by our maintenance team for 物体打击\n"
                + "hazard\t噪音\t2101\tour register's word for noise\n\naccident\t伤害\t*\tAMBIGUOUS: any injury\n";
        List<NameAlias> mine = RegisterNames.parse(new StringReader(table), "plant.tsv");
        assertEquals("plant.tsv:2", mine.get(0).origin());
        RegisterNames extended = names.withAliases(mine);
        assertEquals(Optional.of(AccidentType.STRUCK_BY_OBJECT), extended.accidentType("碰伤").value());
        assertEquals(Optional.of(HazardCategory.of("2101")), extended.hazardCategory("噪音").value());
        assertTrue(extended.accidentType("伤害").ambiguous());
        assertTrue(names.accidentType("碰伤").value().isEmpty(), "the standard lookup is unchanged");
        assertEquals(names.aliases().size() + 3, extended.aliases().size());
        assertEquals(extended.aliases().size(), extended.withAliases(mine).aliases().size(), "adding the same again is a no-op");
    }

    @Test
    void conflictingOrBadAliasesAreRefusedNamingBothOrigins() {
        ValidationException e = assertThrows(ValidationException.class, () -> names.withAliases(List.of(
                new NameAlias(NameKind.ACCIDENT_TYPE, "中毒", List.of("20"), "ours", "plant.tsv:4"),
                new NameAlias(NameKind.ACCIDENT_TYPE, "火灾", List.of("08"), "ours", "plant.tsv:5"),
                new NameAlias(NameKind.ACCIDENT_TYPE, "碰伤", List.of("21"), "ours", "plant.tsv:6"))));
        assertEquals(3, e.violations().size(), e.violations().toString());
        assertTrue(e.violations().get(0).allowed().contains("aliases.tsv:"), e.violations().get(0).toString());
        assertEquals("plant.tsv:4", e.violations().get(0).path());
        assertTrue(e.violations().get(1).allowed().contains("standard name"), e.violations().get(1).toString());
        assertTrue(e.violations().get(2).allowed().contains("01"), e.violations().get(2).toString());
        ValidationException p = assertThrows(ValidationException.class, () -> RegisterNames.parse(
                new StringReader("accident\tx\t01\nrisk\ty\t01\tz\naccident\tz\t,\tsrc\n"), "bad.tsv"));
        assertEquals(List.of("bad.tsv:1", "bad.tsv:2", "bad.tsv:3"), p.violations().stream().map(v -> v.path()).toList());
    }

    @Test
    void distanceIsLevenshteinOverCodePoints() {
        assertEquals(0, RegisterNames.distance("中毒", "中毒"));
        assertEquals(1, RegisterNames.distance("其它伤害", "其他伤害"));
        assertEquals(3, RegisterNames.distance("kitten", "sitting"));
        assertEquals(1, RegisterNames.distance("\uD840\uDC00", "\uD840\uDC01"), "a 4-byte character counts once");
    }
}
