package org.dualprevention.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.testkit.Seeds;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Export then import gives the register back, over seeded generated registers of every built-in method. */
class RoundTripTest {

    private static List<RiskPoint> readBack(Fixtures fx, byte[] bytes, RegisterBaseline baseline) {
        List<RiskPoint> back = new ArrayList<>();
        ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(bytes), fx.context, baseline, back::add);
        assertTrue(report.clean(), () -> "problems: " + report.problems());
        assertEquals(List.of(), report.warnings(), "a fresh export has nothing to correct");
        if (baseline == RegisterBaseline.none()) {
            assertEquals(List.of(), report.changes(), "without a baseline nothing is reported as changed");
        }
        return back;
    }

    @TestFactory
    Stream<DynamicTest> againstTheRegisterItReplacesTheImportIsTheSameRegisterAndReportsNoChange() {
        return Seeds.cases("round trip with baseline", 12, gen -> {
            Fixtures fx = new Fixtures(gen);
            List<RiskPoint> register = fx.register(gen.intBetween(1, 14));
            List<RiskPoint> back = new ArrayList<>();
            ExcelImportReport report = RegisterWorkbook.read(new ByteArrayInputStream(fx.write(register)), fx.context,
                    RegisterBaseline.of(register), back::add);
            assertTrue(report.clean(), () -> "problems: " + report.problems());
            assertEquals(register, back);
            assertEquals(List.of(), report.changes());
            assertEquals(register.size(), report.imported());
        });
    }

    @TestFactory
    Stream<DynamicTest> withoutABaselineTheImportIsTheRegisterWithMeasuresInCategoryOrder() {
        return Seeds.cases("round trip without baseline", 12, gen -> {
            Fixtures fx = new Fixtures(gen);
            List<RiskPoint> register = fx.register(gen.intBetween(1, 14));
            List<RiskPoint> back = readBack(fx, fx.write(register), RegisterBaseline.none());
            assertEquals(register.stream().map(RegisterWorkbook::canonical).toList(), back);
        });
    }

    @TestFactory
    Stream<DynamicTest> theEnglishWorkbookReadsBackTheSame() {
        return Seeds.cases("round trip in English", 6, gen -> {
            Fixtures fx = new Fixtures(gen);
            List<RiskPoint> register = fx.register(gen.intBetween(1, 8));
            ExcelContext en = fx.context.withLocale(Locale.ENGLISH);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            RegisterWorkbook.write(out, en, register);
            List<RiskPoint> back = readBack(fx, out.toByteArray(), RegisterBaseline.of(register));
            assertEquals(register, back);
        });
    }
}
