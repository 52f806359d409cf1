package org.dualprevention.examples.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.Providers;
import org.dualprevention.engine.names.RegisterNames;
import org.dualprevention.json.DocumentSink;
import org.dualprevention.json.QuarantineReport;
import org.dualprevention.json.RegisterHeader;
import org.dualprevention.organization.ActorId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.storage.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;

/** The CSV register example: valid posts imported, bad rows quarantined with their table rows. */
class CsvRegisterTest {
    static final Providers PROVIDERS = DualPrevention.builder().storage(InMemoryStorage.create()).build().providers();

    static final class Collect implements DocumentSink<RegisterHeader, RiskPoint> {
        final List<RiskPoint> points = new ArrayList<>();

        @Override
        public void begin(RegisterHeader header) {
        }

        @Override
        public void accept(List<RiskPoint> batch) {
            points.addAll(batch);
        }
    }

    static CsvRegister converter() {
        return new CsvRegister("华东化工厂", RegisterNames.standard(), PROVIDERS, ActorId.of("安全科"),
                Instant.parse("2026-03-01T00:00:00Z"));
    }

    static Reader sample() {
        return new InputStreamReader(CsvRegister.class.getResourceAsStream("lec-register.csv"), StandardCharsets.UTF_8);
    }

    @Test
    void theSampleImportsTheValidPostsAndQuarantinesTheBadRowsWithTheirRows() {
        Collect sink = new Collect();
        CsvRegister.Result result = converter().importCsv(sample(), "lec-register.csv", sink);
        QuarantineReport r = result.report();
        assertEquals(5, r.itemsRead());
        assertEquals(List.of("配电室值班", "机修钳工"), sink.points.stream().map(RiskPoint::name).toList());
        assertEquals(3, r.refusedItems());
        List<String> lines = r.refused().stream().map(x -> x.source() + " " + x.field() + " [" + x.value() + "]").toList();
        assertTrue(lines.contains("lec-register.csv 第 5 行 accidentTypes [\"综合伤害\"]"), lines.toString());
        assertTrue(lines.contains("lec-register.csv 第 7 行 accidentTypes [\"高处跌落\"]"), lines.toString());
        assertTrue(lines.contains("lec-register.csv 第 7 行 L [\"高\"]"), lines.toString());
        assertTrue(lines.contains("lec-register.csv 第 10 行 E [4]"), lines.toString());
        QuarantineReport.Refusal ambiguous = r.refused().stream().filter(x -> x.value().contains("综合伤害")).findFirst()
                .orElseThrow();
        assertTrue(ambiguous.allowed().startsWith("「综合伤害」有歧义"), ambiguous.allowed());
        QuarantineReport.Refusal unknown = r.refused().stream().filter(x -> x.value().contains("高处跌落")).findFirst()
                .orElseThrow();
        assertTrue(unknown.allowed().contains("高处坠落 (09)"), unknown.allowed());
        // aliases resolved: 其它伤害 on row 3 is 其他伤害
        assertEquals(java.util.Set.of(AccidentType.OTHER_INJURY), sink.points.get(0).hazards().get(1).accidentTypes());
        // the stated D and level of 机修钳工 disagree with the recomputation: imported recomputed, both kept
        assertEquals(2, r.recomputed().size(), r.recomputed().toString());
        QuarantineReport.Recomputation d = r.recomputed().get(0);
        assertEquals(List.of("lec-register.csv 第 8 行", "84", "126"), List.of(d.source(), d.storedScore(), d.recomputedScore()));
        QuarantineReport.Recomputation level = r.recomputed().get(1);
        assertEquals(List.of("lec-register.csv 第 9 行", "general", "low"), List.of(level.source(), level.storedLevel(),
                level.recomputedLevel()));
        assertEquals(0, sink.points.get(1).hazards().get(0).assessments().get(0).score().value()
                .compareTo(new java.math.BigDecimal(126)));
        StringBuilder csv = new StringBuilder();
        r.writeCsv(csv);
        assertTrue(csv.toString().contains("lec-register.csv 第 5 行"), csv.toString());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        r.writeJson(json);
        assertTrue(json.toString(StandardCharsets.UTF_8).contains("\"refusedItems\":3"), json.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mainWritesTheReportAsJsonAndCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        CsvRegister.main(new String[] {writeSample(dir).toString(), dir.toString()});
        String csv = java.nio.file.Files.readString(dir.resolve("quarantine.csv"));
        assertEquals(String.join(",", QuarantineReport.CSV_COLUMNS), csv.lines().findFirst().orElseThrow());
        assertTrue(csv.contains("第 10 行"), csv);
        String json = java.nio.file.Files.readString(dir.resolve("quarantine.json"));
        assertTrue(json.contains("\"imported\":2"), json);
    }

    static java.nio.file.Path writeSample(java.nio.file.Path dir) throws Exception {
        java.nio.file.Path p = dir.resolve("register.csv");
        try (Reader in = sample()) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            java.nio.file.Files.writeString(p, sb.toString());
        }
        return p;
    }

    @Test
    void aMissingColumnRefusesTheTable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> converter().importCsv(
                new StringReader("岗位,事故类型\n配电室,触电\n"), "short.csv", new Collect()));
        assertTrue(e.getMessage().contains("危险因素类别 / factor class"), e.getMessage());
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaks() {
        assertEquals(List.of(List.of("a", "b,c", "say \"hi\"", "x\ny"), List.of("2")),
                CsvRegister.Csv.parse("a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\"\r\n2\n"));
    }
}
