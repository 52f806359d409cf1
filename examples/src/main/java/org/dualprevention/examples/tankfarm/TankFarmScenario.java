package org.dualprevention.examples.tankfarm;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.engine.AssessmentRequest;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.hazmat.CriticalQuantityTables;
import org.dualprevention.engine.hazmat.MajorHazardEvaluation;
import org.dualprevention.engine.hazmat.MajorHazards;
import org.dualprevention.engine.incident.Incidents;
import org.dualprevention.engine.lookback.LookBacks;
import org.dualprevention.engine.lookback.RectificationQualityWarning;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.InstallationId;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.UnitKind;
import org.dualprevention.incident.Casualties;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentId;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckPeriods;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.organization.Actor;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.AssessmentInput;
import org.dualprevention.risk.AssessmentKind;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.ControlMeasureId;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.risk.RiskPointKind;
import org.dualprevention.spi.IncidentRepository;
import org.dualprevention.spi.MajorHazardRepository;
import org.dualprevention.spi.RecheckRepository;
import org.dualprevention.storage.memory.InMemoryIncidentRepository;
import org.dualprevention.storage.memory.InMemoryMajorHazardRepository;
import org.dualprevention.storage.memory.InMemoryRecheckRepository;

/**
 * The tank farm of the plant demo (DOMAIN.md §10.4, DOMAIN.md §11, DOMAIN.md §12), played on an engine whose
 * organisation already holds the tank farm's unit:
 * <ol>
 *   <li>two risk points, 甲醇/液化石油气储罐区 and 装卸车鹤位, assessed by LEC (一般);</li>
 *   <li>the tank farm registered as a storage unit holding 300 t 甲醇 and 40 t 液化石油气 with 35 people within
 *       500 m: S = 1.4, a major hazard installation, R = 2.16, 四级 — both risk points become 重大 by direct
 *       determination;</li>
 *   <li>a broken earthing clamp at the loading bay, rectified on the spot and accepted; 31 days later its
 *       look-back re-check finds it broken again: a recurrence and a rectification-quality warning;</li>
 *   <li>a near miss at the tanks (the gas detector failed while a breather valve leaked) flags the leak
 *       hazard for reassessment.</li>
 * </ol>
 *
 * @since 0.2
 */
public final class TankFarmScenario {
    /** The tank farm's risk point. */
    public static final RiskPointId TANKS = RiskPointId.of("RP-TANKFARM");
    /** The loading bay's risk point. */
    public static final RiskPointId LOADING = RiskPointId.of("RP-LOADING");
    /** The leak hazard of the tanks. */
    public static final HazardId LEAK = HazardId.of("HZ-TANKFARM-LEAK");
    /** The static hazard of the loading bay. */
    public static final HazardId STATIC = HazardId.of("HZ-LOADING-STATIC");
    /** The installation. */
    public static final InstallationId FARM = InstallationId.of("MH-TANKFARM");
    /** The hidden danger that comes back. */
    public static final HiddenDangerId CLAMP = HiddenDangerId.of("HD-TANKFARM-CLAMP");
    /** The near miss. */
    public static final IncidentId NEAR_MISS = IncidentId.of("NM-TANKFARM-1");

    private static final ControlMeasureId GAS_DETECTOR = ControlMeasureId.of("CM-TANKFARM-GAS");
    private static final ControlMeasureId BREATHER = ControlMeasureId.of("CM-TANKFARM-VALVE");
    private static final ControlMeasureId EARTHING = ControlMeasureId.of("CM-LOADING-EARTH");
    private static final URI PHOTO = URI.create("https://example.org/tankfarm/clamp.jpg");

    private TankFarmScenario() {
    }

    /**
     * What the scenario produced, for the map, the register and the report.
     *
     * @param installation the stored installation
     * @param evaluation how S and R were reached, term by term
     * @param recheck the failed look-back re-check
     * @param recurrences the recurrences found
     * @param warnings the rectification-quality warnings
     * @param flagged the hazards the near miss flagged for reassessment
     * @param incidents the incidents recorded (the near miss)
     * @since 0.2
     */
    public record Result(MajorHazardInstallation installation, MajorHazardEvaluation evaluation, Recheck recheck,
            List<Recurrence> recurrences, List<RectificationQualityWarning> warnings, List<HazardId> flagged,
            List<Incident> incidents) {
        /** Copies the lists. */
        public Result {
            Objects.requireNonNull(installation, "installation");
            Objects.requireNonNull(evaluation, "evaluation");
            Objects.requireNonNull(recheck, "recheck");
            recurrences = List.copyOf(recurrences);
            warnings = List.copyOf(warnings);
            flagged = List.copyOf(flagged);
            incidents = List.copyOf(incidents);
        }

        /** @return the installation's status */
        public MajorHazardStatus status() {
            return evaluation.status();
        }

        /**
         * The lines a safety manager reads, in Chinese.
         *
         * @return the lines
         */
        public List<String> lines() {
            MajorHazardStatus s = status();
            List<String> out = new ArrayList<>();
            out.add("重大危险源 " + installation.name() + "（" + installation.kind().displayName(Locale.CHINESE) + "）：S = "
                    + s.s().stripTrailingZeros().toPlainString() + "，R = " + s.r().stripTrailingZeros().toPlainString()
                    + "，" + s.grade().map(g -> g.displayName(Locale.CHINESE)).orElse("不构成重大危险源")
                    + "（" + s.tableEdition() + "）");
            out.add("回头看复查 " + recheck.id() + "：" + (recheck.result().orElseThrow().passed() ? "合格" : "不合格，隐患反弹"));
            for (Recurrence r : recurrences) {
                out.add("反弹：" + r.earlier() + "（" + r.reason().displayName(Locale.CHINESE) + "）");
            }
            warnings.forEach(w -> out.add(w.message()));
            out.add("未遂事件 " + NEAR_MISS + " 触发重新评价：" + flagged);
            return out;
        }
    }

    /**
     * Plays the scenario.
     *
     * @param dp the engine; its organisation must contain {@code unit}
     * @param unit the tank farm's unit
     * @param safety who assesses, verifies and accepts (a company-level actor)
     * @param leader who rectifies on the spot
     * @param worker who reports
     * @param advance moves the engine's clock forward
     * @return what it produced
     */
    public static Result play(DualPrevention dp, OrgUnitId unit, Actor safety, Actor leader, Actor worker,
            Consumer<Duration> advance) {
        return play(dp, new InMemoryMajorHazardRepository(), new InMemoryRecheckRepository(),
                new InMemoryIncidentRepository(), unit, safety, leader, worker, advance);
    }

    /**
     * Plays the scenario with the repositories of a storage (for example {@code JdbcStorage.majorHazards()},
     * {@code rechecks()} and {@code incidents()}).
     *
     * @param dp the engine; its organisation must contain {@code unit}
     * @param installations where the installation is stored
     * @param rechecks where the re-check result is stored
     * @param incidentLog where the near miss is recorded
     * @param unit the tank farm's unit
     * @param safety who assesses, verifies and accepts (a company-level actor)
     * @param leader who rectifies on the spot
     * @param worker who reports
     * @param advance moves the engine's clock forward
     * @return what it produced
     * @since 0.2
     */
    public static Result play(DualPrevention dp, MajorHazardRepository installations, RecheckRepository rechecks,
            IncidentRepository incidentLog, OrgUnitId unit, Actor safety, Actor leader, Actor worker,
            Consumer<Duration> advance) {
        Hazard leak = Hazard.of(LEAK, "储罐呼吸阀、法兰泄漏，可燃蒸气积聚", HazardCategory.CHEMICAL,
                EnumSet.of(AccidentType.FIRE, AccidentType.OTHER_EXPLOSION), "呼吸阀失效、密封老化", "火灾、爆炸")
                .withMeasure(new ControlMeasure(BREATHER, MeasureCategory.ENGINEERING, "呼吸阀、阻火器完好",
                        ControlLevel.TEAM, unit, "呼吸阀动作灵活；阻火器无堵塞"))
                .withMeasure(new ControlMeasure(GAS_DETECTOR, MeasureCategory.ENGINEERING, "可燃气体报警器完好",
                        ControlLevel.TEAM, unit, "报警器在检定期内；每班测试报警"));
        Hazard charge = Hazard.of(STATIC, "装卸车静电积聚放电", HazardCategory.PHYSICAL,
                EnumSet.of(AccidentType.FIRE), "静电接地不良", "火灾")
                .withMeasure(new ControlMeasure(EARTHING, MeasureCategory.ENGINEERING, "静电接地夹可靠连接",
                        ControlLevel.POST, unit, "接地夹完好；接地电阻合格"));
        dp.register().addRiskPoint(RiskPoint.of(TANKS, "甲醇/液化石油气储罐区", RiskPointKind.PLACE, unit, Optional.empty())
                .withHazard(leak));
        dp.register().addRiskPoint(RiskPoint.of(LOADING, "装卸车鹤位", RiskPointKind.OPERATION, unit, Optional.empty())
                .withHazard(charge));
        for (HazardId h : List.of(LEAK, STATIC)) {
            dp.register().assess(h, AssessmentRequest.of(MethodId.of("LEC"),
                    AssessmentInput.of(Map.of("L", 3, "E", 6, "C", 7)), AssessmentKind.INHERENT, safety.id()));
        }

        MajorHazards majorHazards = MajorHazards.of(dp, installations,
                CriticalQuantityTables.gb18218_2018());
        MajorHazardInstallation farm = majorHazards.register(MajorHazardInstallation.of(FARM, "罐区", UnitKind.STORAGE,
                unit, List.of(Holding.named("methanol", "300"), Holding.named("lpg", "40")), 35,
                List.of(TANKS, LOADING)), safety.id());

        dp.hiddenDangers().report(HiddenDangerCommand.Report.of(worker, CLAMP, "鹤位静电接地夹断裂", "卸车前检查发现接地夹弹簧断裂",
                HiddenDangerSource.RANDOM_OBSERVATION, unit, dp.today()).withFailedMeasure(LOADING, STATIC, EARTHING));
        advance.accept(Duration.ofHours(1));
        dp.hiddenDangers().apply(CLAMP, new HiddenDangerCommand.RectifyOnSpot(leader, "更换接地夹", List.of(PHOTO),
                dp.today()));
        advance.accept(Duration.ofHours(2));
        dp.hiddenDangers().apply(CLAMP, new HiddenDangerCommand.Accept(safety, "现场验收合格"));

        LookBacks lookBacks = LookBacks.of(dp, rechecks, RecheckPeriods.defaults());
        advance.accept(Duration.ofDays(31));
        Recheck due = lookBacks.due(dp.today()).stream().filter(r -> r.id().danger().equals(CLAMP)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the clamp's re-check is not due"));
        Recheck done = lookBacks.record(due.id(), new RecheckResult(false, safety.id(), dp.today(), "接地夹再次断裂，未按要求定期更换"));

        Incidents incidents = Incidents.of(dp, incidentLog);
        List<HazardId> flagged = incidents.record(new Incident(NEAR_MISS, IncidentKind.NEAR_MISS, TANKS, List.of(),
                List.of(GAS_DETECTOR), AccidentType.FIRE, Casualties.NONE, unit, dp.clock().instant(), worker.id(),
                "巡检发现储罐呼吸阀泄漏，可燃气体报警器未报警，及时处置未起火"));

        return new Result(farm, majorHazards.evaluation(FARM).orElseThrow(), done, lookBacks.recurrences(),
                lookBacks.warnings(), flagged, incidents.incidents());
    }

}
