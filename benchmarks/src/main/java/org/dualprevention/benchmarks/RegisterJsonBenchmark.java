package org.dualprevention.benchmarks;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.dualprevention.json.DocumentSink;
import org.dualprevention.json.DocumentSource;
import org.dualprevention.json.GradingSchemeRef;
import org.dualprevention.json.ImportOptions;
import org.dualprevention.json.RegisterDocument;
import org.dualprevention.json.RegisterHeader;
import org.dualprevention.json.ScoringProviders;
import org.dualprevention.method.BuiltInSchemes;
import org.dualprevention.method.LecMethod;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.AssessmentId;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Import and export of a register with 100,000 hazards (10,000 risk points of 10 hazards, each with one
 * control measure and one LEC assessment) through {@link RegisterDocument}, against plain Jackson reading
 * and writing the same JSON into and from plain records in the same run.
 *
 * <p>The library's import validates every field, checks every reference and id, recomputes every score
 * with the built-in LEC method and grades it with the LEC-V1 scheme and builds immutable model values; a valid
 * register of up to 16 MiB is read once (a streaming reader holds the risk points and delivers them at the end), a
 * refused one is read again by the two-pass tree reader, which reports its problems. Two baselines: {@link #importPlainJackson} only binds the
 * JSON to records (a floor); {@link #importPlainJacksonChecked} binds it with duplicate keys refused and then makes
 * the checks across the document written plainly (unique ids, known references, LEC scores recomputed and banded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class RegisterJsonBenchmark {
    /** Plain records with the same JSON shape as the register document. */
    public record PLevel(String code, int rank) {
    }

    /** Plain unit. */
    public record PUnit(String id, String name, PLevel level, String parent) {
    }

    /** Plain organisation. */
    public record POrg(List<PUnit> units) {
    }

    /** Plain grading scheme reference. */
    public record PScheme(String id, String method, String name, String source) {
    }

    /** Plain grade. */
    public record PGrade(String code, String name, String level, String action) {
    }

    /** Plain assessment. */
    public record PAssessment(String id, String method, String scheme, String kind, Map<String, BigDecimal> input,
            BigDecimal score, PGrade grade, String assessor, String assessedAt) {
    }

    /** Plain control measure. */
    public record PMeasure(String id, String category, String description, PLevel controlLevel, String responsibleUnit,
            String inspectionStandard) {
    }

    /** Plain reassessment flag. */
    public record PFlag(String reason, String source, String flaggedAt) {
    }

    /** Plain hazard. */
    public record PHazard(String id, String description, String category, List<String> accidentTypes, String causes,
            String consequences, List<PMeasure> measures, List<PAssessment> assessments, PFlag reassessment) {
    }

    /** Plain risk point. */
    public record PRiskPoint(String id, String name, String kind, String owningUnit, String zone, long version,
            List<PHazard> hazards) {
    }

    /** Plain register. */
    public record PRegister(String format, int version, POrg organization, List<PScheme> gradingSchemes,
            List<PRiskPoint> riskPoints) {
    }

    /** Risk points in the register; each has 10 hazards. */
    @Param("10000")
    public int riskPoints;

    private RegisterHeader header;
    private List<RiskPoint> points;
    private byte[] document;
    private PRegister plain;
    private JsonMapper plainMapper;
    private JsonMapper checkedMapper;
    /** Grade code and level code of each LEC-V1 band, lowest first, taken from the scheme in the set-up. */
    private String[][] bands;
    private ScoringProviders providers;

    /** Builds the register, its document and the plain records. */
    @Setup
    public void setUp() {
        AssessmentMethod lec = new LecMethod();
        GradingScheme scheme = BuiltInSchemes.lecV1();
        providers = ScoringProviders.of(List.of(lec), List.of(scheme));
        List<OrgUnit> units = new ArrayList<>();
        OrgUnitId root = OrgUnitId.of("plant");
        units.add(OrgUnit.root(root, "华东化工厂", ControlLevel.COMPANY));
        for (int w = 0; w < 20; w++) {
            units.add(OrgUnit.child(OrgUnitId.of("ws-" + w), "车间 " + w, ControlLevel.WORKSHOP, root));
        }
        Organization org = Organization.of(units);
        header = new RegisterHeader(org, List.of(GradingSchemeRef.of(scheme)));
        String[] l = {"0.1", "0.2", "0.5", "1", "3", "6", "10"};
        String[] e = {"0.5", "1", "2", "3", "6", "10"};
        String[] c = {"1", "3", "7", "15", "40", "100"};
        points = new ArrayList<>(riskPoints);
        int n = 0;
        for (int r = 0; r < riskPoints; r++) {
            OrgUnitId unit = OrgUnitId.of("ws-" + (r % 20));
            List<Hazard> hazards = new ArrayList<>(10);
            for (int h = 0; h < 10; h++, n++) {
                AssessmentInput in = AssessmentInput.of(Map.of("L", new BigDecimal(l[n % 7]), "E", new BigDecimal(e[n % 6]),
                        "C", new BigDecimal(c[(n / 7) % 6])));
                Score score = lec.evaluate(in);
                Assessment a = new Assessment(AssessmentId.of("AS-" + n), lec.id(), scheme.id(), in, score,
                        scheme.grade(score), AssessmentKind.INHERENT, ActorId.of("assessor-" + (n % 50)),
                        Instant.ofEpochSecond(1_700_000_000L + n));
                ControlMeasure m = new ControlMeasure(ControlMeasureId.of("CM-" + n), MeasureCategory.ENGINEERING,
                        "联锁切断进料 " + n, ControlLevel.WORKSHOP, unit, "每月测试一次联锁");
                hazards.add(Hazard.of(HazardId.of("HZ-" + n), "反应釜超温超压 " + n, HazardCategory.PHYSICAL,
                        EnumSet.of(AccidentType.BOILER_EXPLOSION, AccidentType.FIRE), "冷却水中断", "人员伤亡")
                        .withMeasures(List.of(m)).withHistory(List.of(a), Optional.empty()));
            }
            points.add(RiskPoint.of(RiskPointId.of("RP-" + r), "反应釜 " + r, RiskPointKind.EQUIPMENT, unit,
                    Optional.of(MapZoneId.of("Z-" + (r % 7)))).withHazards(hazards));
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RegisterDocument.write(out, header, points);
        document = out.toByteArray();
        plainMapper = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        plain = plainMapper.readValue(document, PRegister.class);
        checkedMapper = plainMapper.rebuild().enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        String[] probes = {"10", "40", "100", "200", "400"};
        bands = new String[probes.length][];
        for (int b = 0; b < probes.length; b++) {
            org.dualprevention.risk.Grade g = scheme.grade(Score.of(new BigDecimal(probes[b])));
            bands[b] = new String[] {g.code(), g.level().code()};
        }
        long checked = importPlainJacksonChecked();
        if (checked != 10L * riskPoints) {
            throw new IllegalStateException("the checked baseline refused the document: " + checked);
        }
        // sanity: both sides produce documents of the same size, and the import accepts the document
        byte[] plainBytes = plainMapper.writeValueAsBytes(plain);
        if (Math.abs(plainBytes.length - document.length) > document.length / 100) {
            throw new IllegalStateException("plain and library documents differ: " + plainBytes.length + " vs " + document.length);
        }
        if (importRegister() != 10L * riskPoints) {
            throw new IllegalStateException("import lost hazards");
        }
    }

    /** Counts hazards delivered. */
    private static final class CountingSink implements DocumentSink<RegisterHeader, RiskPoint> {
        long hazards;

        @Override
        public void begin(RegisterHeader h) {
        }

        @Override
        public void accept(List<RiskPoint> batch) {
            for (RiskPoint r : batch) {
                hazards += r.hazards().size();
            }
        }
    }

    /**
     * The library: validating, recomputing, streaming import (one pass for this document).
     *
     * @return hazards imported
     */
    @Benchmark
    public long importRegister() {
        CountingSink sink = new CountingSink();
        RegisterDocument.read(DocumentSource.of(document), providers, ImportOptions.defaults(), sink);
        return sink.hazards;
    }

    /**
     * The baseline: plain Jackson binding of the same bytes to records.
     *
     * @return hazards read
     */
    @Benchmark
    public long importPlainJackson() {
        PRegister r = plainMapper.readValue(document, PRegister.class);
        long n = 0;
        for (PRiskPoint p : r.riskPoints()) {
            n += p.hazards().size();
        }
        return n;
    }

    /**
     * The checked baseline: plain Jackson binding of the same bytes to the same records with duplicate keys
     * refused, then the checks across the document the library makes, written plainly: every id unique in the
     * document (one {@code HashSet} per kind), every unit and scheme reference known, every LEC score
     * recomputed as L × E × C with exact decimals and compared, and its LEC-V1 band found and compared with the
     * grade's code and level. It does not check Unicode well-formedness, per-item limits or unknown enum codes,
     * and reads the document once, as the library does for a valid document of this size.
     *
     * @return hazards read, or -1 if a check failed
     */
    @Benchmark
    public long importPlainJacksonChecked() {
        PRegister r = checkedMapper.readValue(document, PRegister.class);
        java.util.Set<String> units = new java.util.HashSet<>();
        for (PUnit u : r.organization().units()) {
            if (!units.add(u.id())) {
                return -1;
            }
        }
        java.util.Set<String> schemes = new java.util.HashSet<>();
        for (PScheme s : r.gradingSchemes()) {
            schemes.add(s.id());
        }
        java.util.Set<String> pointIds = new java.util.HashSet<>();
        java.util.Set<String> hazardIds = new java.util.HashSet<>();
        java.util.Set<String> measureIds = new java.util.HashSet<>();
        java.util.Set<String> assessmentIds = new java.util.HashSet<>();
        long n = 0;
        for (PRiskPoint p : r.riskPoints()) {
            if (!pointIds.add(p.id()) || !units.contains(p.owningUnit())) {
                return -1;
            }
            for (PHazard h : p.hazards()) {
                if (!hazardIds.add(h.id())) {
                    return -1;
                }
                for (PMeasure m : h.measures()) {
                    if (!measureIds.add(m.id()) || !units.contains(m.responsibleUnit())) {
                        return -1;
                    }
                }
                for (PAssessment a : h.assessments()) {
                    if (!assessmentIds.add(a.id()) || !schemes.contains(a.scheme()) || a.input().size() != 3) {
                        return -1;
                    }
                    BigDecimal d = a.input().get("L").multiply(a.input().get("E")).multiply(a.input().get("C"));
                    if (d.compareTo(a.score()) != 0) {
                        return -1;
                    }
                    int band = d.compareTo(B20) < 0 ? 0 : d.compareTo(B70) <= 0 ? 1 : d.compareTo(B160) <= 0 ? 2
                            : d.compareTo(B320) <= 0 ? 3 : 4;
                    if (!bands[band][0].equals(a.grade().code()) || !bands[band][1].equals(a.grade().level())) {
                        return -1;
                    }
                }
                n++;
            }
        }
        return n;
    }

    private static final BigDecimal B20 = new BigDecimal("20");
    private static final BigDecimal B70 = new BigDecimal("70");
    private static final BigDecimal B160 = new BigDecimal("160");
    private static final BigDecimal B320 = new BigDecimal("320");

    /**
     * The library: streaming export of the model.
     *
     * @return bytes written
     */
    @Benchmark
    public long exportRegister() {
        CountingStream out = new CountingStream();
        RegisterDocument.write(out, header, points);
        return out.count;
    }

    /**
     * The baseline: plain Jackson writing the equivalent records.
     *
     * @return bytes written
     */
    @Benchmark
    public long exportPlainJackson() {
        CountingStream out = new CountingStream();
        plainMapper.writeValue(out, plain);
        return out.count;
    }

    /** Discards bytes, counting them. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
