package org.dualprevention.method;

import static org.dualprevention.spi.support.BoundarySide.LOWER;
import static org.dualprevention.spi.support.BoundarySide.UPPER;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.support.BandedGradingScheme;
import org.dualprevention.spi.support.BoundarySide;
import org.dualprevention.spi.support.CellGradingScheme;
import org.dualprevention.spi.GradingScheme;

/**
 * The catalogue of shipped grading schemes, each with its source in the project's domain reference
 * ({@code docs/DOMAIN.md}, sections cited in {@link GradingScheme#source()}). Each scheme is data: a
 * {@link BandedGradingScheme} or a {@link CellGradingScheme}. {@link BuiltInSchemeProvider} contributes
 * them all to {@link java.util.ServiceLoader} discovery, so the engine finds each by id.
 *
 * <table>
 *   <caption>Shipped schemes</caption>
 *   <tr><th>id</th><th>method</th><th>bands (lowest first)</th></tr>
 *   <tr><td>{@code LEC-V1} (default)</td><td>LEC</td><td>{@code (0,20)} slight LOW, {@code [20,70]} possible LOW,
 *       {@code (70,160]} substantial GENERAL, {@code (160,320]} high SIGNIFICANT, {@code (320,+inf)} extreme MAJOR</td></tr>
 *   <tr><td>{@code LEC-V1-STRICT}</td><td>LEC</td><td>as LEC-V1 but 70 goes up ("从严从高"): {@code [20,70)}, {@code [70,160]}</td></tr>
 *   <tr><td>{@code LEC-V2}</td><td>LEC</td><td>same bands; slight LOW, possible GENERAL, substantial SIGNIFICANT, high and extreme MAJOR</td></tr>
 *   <tr><td>{@code LEC-BINARY}</td><td>LEC</td><td>{@code (0,160)} general GENERAL, {@code [160,+inf)} major hazard MAJOR</td></tr>
 *   <tr><td>{@code LEC-KINNEY}</td><td>LEC</td><td>{@code (0,20)} acceptable LOW, {@code [20,70]} possible LOW,
 *       {@code (70,200]} substantial GENERAL, {@code (200,400]} high SIGNIFICANT, {@code (400,+inf)} very high MAJOR</td></tr>
 *   <tr><td>{@code LS-SHANDONG} (default)</td><td>LS</td><td>1–3 minimal LOW, 4–8 low LOW, 9–12 GENERAL, 15–16 SIGNIFICANT, 20–25 MAJOR</td></tr>
 *   <tr><td>{@code LS-ZGMKW}</td><td>LS</td><td>1–3 LOW, 4–8 GENERAL, 9–16 SIGNIFICANT, 20–25 MAJOR</td></tr>
 *   <tr><td>{@code LS-JHA}</td><td>LS</td><td>1–5 LOW, 6–12 GENERAL, 15–16 SIGNIFICANT, 20–25 MAJOR</td></tr>
 *   <tr><td>{@code LS-HUBEI}</td><td>LS</td><td>≤7 LOW, 8–12 GENERAL, 13–16 SIGNIFICANT, ≥17 MAJOR</td></tr>
 *   <tr><td>{@code MES-5} (default)</td><td>MES</td><td>≤18 LOW, 20–48 GENERAL, 50–80 SIGNIFICANT, 90–150 SIGNIFICANT, ≥180 MAJOR</td></tr>
 *   <tr><td>{@code MES-4}</td><td>MES</td><td>{@code <40} LOW, {@code [40,90)} GENERAL, {@code [90,180]} SIGNIFICANT, {@code >180} MAJOR</td></tr>
 *   <tr><td>{@code MATRIX-5X5} (default)</td><td>MATRIX</td><td>per cell, the Shandong LS bands applied to L×S</td></tr>
 *   <tr><td>{@code MATRIX-4X4-ENTERPRISE} (default)</td><td>MATRIX-4X4</td><td>per cell, DOMAIN.md §2.4(b)</td></tr>
 *   <tr><td>{@code DIRECT} (default)</td><td>DIRECT</td><td>0 LOW (no criterion met), 1–5 MAJOR</td></tr>
 * </table>
 *
 * <h2>Boundary decisions</h2>
 * <ul>
 *   <li>LEC: "&lt;20" is strict in every source, so 20 goes up; 70 goes down (upper-closed bands,
 *       DOMAIN.md §1.7), except in {@code LEC-V1-STRICT}; 160 and 320 cannot be reached with the standard
 *       scales and go down.</li>
 *   <li>Kinney (DOMAIN.md §1.6 gives 400/200/70/20 without sides): the same sides as the Chinese default,
 *       20 up and the others down. 400 is reachable (10×1×40, 1×10×40) and is "high", not "very high".</li>
 *   <li>LS and MES bands are written as integer ranges with unreachable gaps between them; each
 *       threshold sits at the written lower value of a band and goes up, so a published range like
 *       9–12 is {@code [9, 15)}. The LS schemes cover {@code [1, 25]}; LEC and MES cover {@code (0, +inf)}.</li>
 *   <li>MES five grades to colours (DOMAIN.md §3.1 gives no authoritative mapping): following the
 *       mapping observed in public code, grade 1 (≥180) 重大, grade 3 (50–80) 较大, grade 4 (20–48) 一般,
 *       grade 5 (≤18) 低; for grade 2 (90–150), where public code says 重大 or 较大 [U], we take 较大, so
 *       that red is reserved for "不能继续作业".</li>
 *   <li>LEC-BINARY maps 一般危险源 (D &lt; 160) to GENERAL, as the binary registers call it 一般.</li>
 * </ul>
 *
 * <p>This class is not instantiable; its schemes are immutable.
 *
 * @since 0.1
 */
public final class BuiltInSchemes {
    /** {@code LEC-V1}: five grades, V1 colours; the LEC default. */
    public static final SchemeId LEC_V1_ID = SchemeId.of("LEC-V1");
    /** {@code LEC-V1-STRICT}: LEC-V1 with 70 in the upper band ("从严从高"). */
    public static final SchemeId LEC_V1_STRICT_ID = SchemeId.of("LEC-V1-STRICT");
    /** {@code LEC-V2}: five grades, V2 colours. */
    public static final SchemeId LEC_V2_ID = SchemeId.of("LEC-V2");
    /** {@code LEC-BINARY}: D ≥ 160 major hazard, else general. */
    public static final SchemeId LEC_BINARY_ID = SchemeId.of("LEC-BINARY");
    /** {@code LEC-KINNEY}: Kinney–Wiruth 400/200/70/20. */
    public static final SchemeId LEC_KINNEY_ID = SchemeId.of("LEC-KINNEY");
    /** {@code LS-SHANDONG}: the LS default. */
    public static final SchemeId LS_SHANDONG_ID = SchemeId.of("LS-SHANDONG");
    /** {@code LS-ZGMKW}: 20–25 / 9–16 / 4–8 / 1–3. */
    public static final SchemeId LS_ZGMKW_ID = SchemeId.of("LS-ZGMKW");
    /** {@code LS-JHA}: 20–25 / 15–16 / 6–12 / 1–5. */
    public static final SchemeId LS_JHA_ID = SchemeId.of("LS-JHA");
    /** {@code LS-HUBEI}: ≥17 / 13–16 / 8–12 / ≤7. */
    public static final SchemeId LS_HUBEI_ID = SchemeId.of("LS-HUBEI");
    /** {@code MES-5}: five grades; the MES default. */
    public static final SchemeId MES_5_ID = SchemeId.of("MES-5");
    /** {@code MES-4}: the four-band variant. */
    public static final SchemeId MES_4_ID = SchemeId.of("MES-4");
    /** {@code MATRIX-5X5}: per-cell 5×5, consistent with LS-SHANDONG; the MATRIX default. */
    public static final SchemeId MATRIX_5X5_ID = SchemeId.of("MATRIX-5X5");
    /** {@code MATRIX-4X4-ENTERPRISE}: per-cell enterprise 4×4 matrix; the MATRIX-4X4 default. */
    public static final SchemeId MATRIX_4X4_ENTERPRISE_ID = SchemeId.of("MATRIX-4X4-ENTERPRISE");
    /** {@code DIRECT}: direct determination; the DIRECT default. */
    public static final SchemeId DIRECT_ID = SchemeId.of("DIRECT");

    private static final MethodId LEC = LecMethod.ID;
    private static final MethodId LS = LsMethod.ID;
    private static final MethodId MES = MesMethod.ID;

    // ---- LEC grades (DOMAIN.md §1.4); the level differs per colour variant ----
    private static Grade extreme(RiskLevel l) {
        return new Grade("extreme", "极其危险 (extremely dangerous), A/1级", l, "不能继续作业 (stop work)");
    }

    private static Grade high(RiskLevel l) {
        return new Grade("high", "高度危险 (highly dangerous), B/2级", l, "需立即整改 (rectify immediately)");
    }

    private static Grade substantial(RiskLevel l) {
        return new Grade("substantial", "显著危险 (substantially dangerous), C/3级", l, "需要整改 (rectification needed)");
    }

    private static Grade possible(RiskLevel l) {
        return new Grade("possible", "一般危险 (possibly dangerous), D/4级", l, "需要注意 (attention needed)");
    }

    private static Grade slight(RiskLevel l) {
        return new Grade("slight", "稍有危险 (slightly dangerous), E/5级", l, "可以接受 (acceptable)");
    }

    private static BandedGradingScheme lecFiveGrades(SchemeId id, String name, String source, BoundarySide at70,
            RiskLevel extreme, RiskLevel high, RiskLevel substantial, RiskLevel possible, RiskLevel slight) {
        return BandedGradingScheme.builder(id, LEC).name(name).source(source)
                .lowest(slight(slight), BigDecimal.ZERO, false)
                .threshold("20", UPPER, possible(possible))
                .threshold("70", at70, substantial(substantial))
                .threshold("160", LOWER, high(high))
                .threshold("320", LOWER, extreme(extreme))
                .build();
    }

    private static final String LEC_TABLE = "DOMAIN.md §1.4 classic five-grade D table (LEC literature, e.g. "
            + "https://360docs.net/doc/895219538.html, https://www.aqrzj.com/doc/14004.html); ";

    private static final BandedGradingScheme LEC_V1 = lecFiveGrades(LEC_V1_ID,
            "LEC five grades, V1 colours (grades 4 and 5 blue)",
            LEC_TABLE + "colours V1, DOMAIN.md §1.5 (github.com/liguangnanfeng/smaq assess2.jsp; 风险分级管控标准, "
                    + "https://360docs.net/doc/5d10375362.html; github.com/dudu-du/msm docs/safety.sql); "
                    + "boundaries DOMAIN.md §1.7: <20, [20,70], (70,160], (160,320], >320",
            LOWER, RiskLevel.MAJOR, RiskLevel.SIGNIFICANT, RiskLevel.GENERAL, RiskLevel.LOW, RiskLevel.LOW);

    private static final BandedGradingScheme LEC_V1_STRICT = lecFiveGrades(LEC_V1_STRICT_ID,
            "LEC five grades, V1 colours, 70 judged strictly (从严从高)",
            LEC_TABLE + "colours V1, DOMAIN.md §1.5; boundary 70 in the higher band per the 从严从高 reading of "
                    + "DB37/T 2882-2016 (DOMAIN.md §1.7): <20, [20,70), [70,160], (160,320], >320",
            UPPER, RiskLevel.MAJOR, RiskLevel.SIGNIFICANT, RiskLevel.GENERAL, RiskLevel.LOW, RiskLevel.LOW);

    private static final BandedGradingScheme LEC_V2 = lecFiveGrades(LEC_V2_ID,
            "LEC five grades, V2 colours (grades 1 and 2 red)",
            LEC_TABLE + "colours V2, DOMAIN.md §1.5 (public JS code, two projects); 20 in the 20-70 band",
            LOWER, RiskLevel.MAJOR, RiskLevel.MAJOR, RiskLevel.SIGNIFICANT, RiskLevel.GENERAL, RiskLevel.LOW);

    private static final BandedGradingScheme LEC_BINARY = BandedGradingScheme.builder(LEC_BINARY_ID, LEC)
            .name("LEC binary: major hazard if D ≥ 160")
            .source("DOMAIN.md §1.5 binary (OHSAS era): github.com/FraneYang/SUBHSSE MajorHazardList.aspx.cs "
                    + "(D ≥ 160); 山西第八建筑工程有限公司 危险源辨识与风险评价表 (2010), "
                    + "https://www.xiaomilidoc.com/p-9291305.html")
            .lowest(new Grade("general", "一般危险源 (general hazard), D < 160", RiskLevel.GENERAL, ""),
                    BigDecimal.ZERO, false)
            .threshold("160", UPPER, new Grade("major", "重大危险源 (major hazard), D ≥ 160", RiskLevel.MAJOR,
                    "列入重大危险源清单，重点管控 (list as major hazard, company-level control)"))
            .build();

    private static final BandedGradingScheme LEC_KINNEY = BandedGradingScheme.builder(LEC_KINNEY_ID, LEC)
            .name("Fine–Kinney classes 400/200/70/20")
            .source("DOMAIN.md §1.6: Kinney & Wiruth, Practical Risk Analysis for Safety Management, NWC TP 5865 "
                    + "(1976), bands as at https://findrisk.net/blog/fine-kinney-method-explained; "
                    + "sides chosen as DOMAIN.md §1.7: <20, [20,70], (70,200], "
                    + "(200,400], >400")
            .lowest(new Grade("acceptable", "Risk acceptable (可接受)", RiskLevel.LOW, "no immediate action"),
                    BigDecimal.ZERO, false)
            .threshold("20", UPPER, new Grade("possible", "Possible risk, attention indicated (可能风险)", RiskLevel.LOW,
                    "attention indicated"))
            .threshold("70", LOWER, new Grade("substantial", "Substantial risk (显著风险)", RiskLevel.GENERAL,
                    "correction needed"))
            .threshold("200", LOWER, new Grade("high", "High risk (高风险)", RiskLevel.SIGNIFICANT,
                    "immediate correction required"))
            .threshold("400", LOWER, new Grade("very-high", "Very high risk (极高风险)", RiskLevel.MAJOR,
                    "consider discontinuing operation"))
            .build();

    // ---- LS (DOMAIN.md §2.3) ----
    private static final Grade LS_MAJOR = new Grade("major", "重大风险 (major risk), A/1级", RiskLevel.MAJOR,
            "在采取措施降低风险前，不能继续作业，对改进措施进行评估；实施期限：立刻 "
                    + "(do not continue work until measures reduce the risk; evaluate the improvements; at once)");
    private static final Grade LS_SIGNIFICANT = new Grade("significant", "较大风险 (significant risk), B/2级",
            RiskLevel.SIGNIFICANT, "采取紧急措施降低风险，建立运行控制程序，定期检查、测量及评估；实施期限：立即或近期整改 "
                    + "(take urgent measures, set up operating controls, check, measure and evaluate regularly; "
                    + "rectify at once or soon)");
    private static final Grade LS_GENERAL = new Grade("general", "一般风险 (general risk), C/3级", RiskLevel.GENERAL,
            "可考虑建立目标、建立操作规程，加强培训及沟通；实施期限：2年内治理 "
                    + "(consider objectives and operating procedures, more training and communication; within 2 years)");
    private static final Grade LS_LOW = new Grade("low", "低风险 (low risk), D/4级", RiskLevel.LOW,
            "可考虑建立操作规程、作业指导书但需定期检查；实施期限：有条件、有经费时治理 "
                    + "(consider procedures and work instructions, with regular checks; when conditions and funds allow)");
    private static final Grade LS_MINIMAL = new Grade("minimal", "低风险 (low risk), E/5级", RiskLevel.LOW,
            "无需采用控制措施；实施期限：需保存记录 (no control measures needed; keep records)");

    private static final String LS_SCALES = "L and S 1-5 per DOMAIN.md §2.1-2.2; ";

    private static final BandedGradingScheme LS_SHANDONG = BandedGradingScheme.builder(LS_SHANDONG_ID, LS)
            .name("LS Shandong style: 20-25 / 15-16 / 9-12 / 4-8 / 1-3")
            .source(LS_SCALES + "bands and action/deadline table DOMAIN.md §2.3 Shandong style (DB37 detail rules; "
                    + "the same table in several public code bases, e.g. github.com/zhanghan-cdns/my-ehs-app)")
            .lowest(LS_MINIMAL, BigDecimal.ONE, true)
            .threshold("4", UPPER, LS_LOW)
            .threshold("9", UPPER, LS_GENERAL)
            .threshold("15", UPPER, LS_SIGNIFICANT)
            .threshold("20", UPPER, LS_MAJOR)
            .upperLimit(BigDecimal.valueOf(25), true)
            .build();

    private static final BandedGradingScheme LS_ZGMKW = BandedGradingScheme.builder(LS_ZGMKW_ID, LS)
            .name("LS zgmkw: 20-25 / 9-16 / 4-8 / 1-3")
            .source(LS_SCALES + "bands DOMAIN.md §2.3 and §8.3: 风险等级图, http://zgmkw.com/doc-30900.html")
            .lowest(Grade.of("IV", "Ⅳ 轻微 (slight)", RiskLevel.LOW), BigDecimal.ONE, true)
            .threshold("4", UPPER, Grade.of("III", "Ⅲ 一般 (general)", RiskLevel.GENERAL))
            .threshold("9", UPPER, Grade.of("II", "Ⅱ 较大 (significant)", RiskLevel.SIGNIFICANT))
            .threshold("20", UPPER, Grade.of("I", "Ⅰ 重大 (major)", RiskLevel.MAJOR))
            .upperLimit(BigDecimal.valueOf(25), true)
            .build();

    private static final BandedGradingScheme LS_JHA = BandedGradingScheme.builder(LS_JHA_ID, LS)
            .name("LS JHA/SCL variant: 20-25 / 15-16 / 6-12 / 1-5")
            .source(LS_SCALES + "bands DOMAIN.md §2.3: a \"jha/scl\" module of public code "
                    + "(repository not identified)")
            .lowest(Grade.of("low", "低度危险 (low danger)", RiskLevel.LOW), BigDecimal.ONE, true)
            .threshold("6", UPPER, Grade.of("general", "一般危险 (general danger)", RiskLevel.GENERAL))
            .threshold("15", UPPER, Grade.of("high", "高度危险 (high danger)", RiskLevel.SIGNIFICANT))
            .threshold("20", UPPER, Grade.of("extreme", "极度危险 (extreme danger)", RiskLevel.MAJOR))
            .upperLimit(BigDecimal.valueOf(25), true)
            .build();

    private static final BandedGradingScheme LS_HUBEI = BandedGradingScheme.builder(LS_HUBEI_ID, LS)
            .name("LS Hubei variant: ≥17 / 13-16 / 8-12 / ≤7")
            .source(LS_SCALES + "bands DOMAIN.md §2.3: public code with a 湖北 comment (repository not identified)")
            .lowest(Grade.of("low", "低风险 (low risk)", RiskLevel.LOW), BigDecimal.ONE, true)
            .threshold("8", UPPER, Grade.of("general", "一般风险 (general risk)", RiskLevel.GENERAL))
            .threshold("13", UPPER, Grade.of("significant", "较大风险 (significant risk)", RiskLevel.SIGNIFICANT))
            .threshold("17", UPPER, Grade.of("major", "重大风险 (major risk)", RiskLevel.MAJOR))
            .upperLimit(BigDecimal.valueOf(25), true)
            .build();

    // ---- MES (DOMAIN.md §3.1) ----
    private static final BandedGradingScheme MES_5 = BandedGradingScheme.builder(MES_5_ID, MES)
            .name("MES five grades: ≥180 / 90-150 / 50-80 / 20-48 / ≤18")
            .source("DOMAIN.md §3.1: 公司作业条件风险程度评价MES法 (标准范本), https://m.aqrzj.com/doc/249991.html; "
                    + "危险源辨识 作业条件风险程度评价MES, https://360docs.net/doc/03124119.html; colours: grade 1 重大, "
                    + "grade 2 较大 (public code says 重大 or 较大 [U]), grade 3 较大, grade 4 一般, grade 5 低, "
                    + "as observed in public code (DOMAIN.md §3.1)")
            .lowest(new Grade("slight", "五级 稍有危险 (slightly dangerous)", RiskLevel.LOW, "可以接受 (acceptable)"),
                    BigDecimal.ZERO, false)
            .threshold("20", UPPER, new Grade("possible", "四级 一般危险 (possibly dangerous)", RiskLevel.GENERAL,
                    "需要注意 (attention needed)"))
            .threshold("50", UPPER, new Grade("substantial", "三级 显著危险 (substantially dangerous)",
                    RiskLevel.SIGNIFICANT, "需要整改 (rectification needed)"))
            .threshold("90", UPPER, new Grade("high", "二级 高度危险 (highly dangerous)", RiskLevel.SIGNIFICANT,
                    "要立即整改 (rectify immediately)"))
            .threshold("180", UPPER, new Grade("extreme", "一级 极其危险 (extremely dangerous)", RiskLevel.MAJOR,
                    "不能继续作业 (stop work)"))
            .build();

    private static final BandedGradingScheme MES_4 = BandedGradingScheme.builder(MES_4_ID, MES)
            .name("MES four bands: >180 / 90-180 / 40-90 / <40")
            .source("DOMAIN.md §3.1 four-band variant observed in public code (claims GB/T 33000-2025, not "
                    + "verifiable [U]): R>180 1级重大; 90≤R≤180 2级较大; 40≤R<90 3级一般; R<40 4级低")
            .lowest(Grade.of("low", "4级 低风险 (low risk)", RiskLevel.LOW), BigDecimal.ZERO, false)
            .threshold("40", UPPER, Grade.of("general", "3级 一般风险 (general risk)", RiskLevel.GENERAL))
            .threshold("90", UPPER, Grade.of("significant", "2级 较大风险 (significant risk)", RiskLevel.SIGNIFICANT))
            .threshold("180", LOWER, Grade.of("major", "1级 重大风险 (major risk)", RiskLevel.MAJOR))
            .build();

    // ---- matrices (DOMAIN.md §2.4) ----
    private static final CellGradingScheme MATRIX_5X5 = CellGradingScheme
            .builder(MATRIX_5X5_ID, RiskMatrixMethod.ID, 5, 5)
            .name("5×5 risk matrix per cell, Shandong-style levels")
            .source("DOMAIN.md §2.3 Shandong-style bands (20-25 / 15-16 / 9-12 / 4-8 / 1-3) applied to each cell "
                    + "L×S of the 5×5 grid of DOMAIN.md §2.4(a); rows L 1-5, columns S 1-5")
            .grades(LS_MAJOR, LS_SIGNIFICANT, LS_GENERAL, LS_LOW, LS_MINIMAL)
            //        S=1        S=2            S=3            S=4            S=5
            .row(1, "minimal", "minimal", "minimal", "low", "low")
            .row(2, "minimal", "low", "low", "low", "general")
            .row(3, "minimal", "low", "general", "general", "significant")
            .row(4, "low", "low", "general", "significant", "major")
            .row(5, "low", "general", "significant", "major", "major")
            .build();

    private static final CellGradingScheme MATRIX_4X4_ENTERPRISE = CellGradingScheme
            .builder(MATRIX_4X4_ENTERPRISE_ID, Matrix4x4Method.ID, 4, 4)
            .name("Enterprise/area-level 4×4 risk matrix per cell")
            .source("DOMAIN.md §2.4(b): zhanghan-cdns/my-ehs-app riskInfo.vue and liguangnanfeng/smaq assess3.jsp "
                    + "(agree on all 16 cells); rows L 1-4, columns S 1-4")
            .grades(Grade.of("major", "重大风险 (major risk)", RiskLevel.MAJOR),
                    Grade.of("significant", "较大风险 (significant risk)", RiskLevel.SIGNIFICANT),
                    Grade.of("general", "一般风险 (general risk)", RiskLevel.GENERAL),
                    Grade.of("low", "低风险 (low risk)", RiskLevel.LOW))
            //       S=1       S=2            S=3            S=4
            .row(1, "low", "low", "low", "general")
            .row(2, "low", "general", "general", "significant")
            .row(3, "low", "general", "significant", "major")
            .row(4, "general", "significant", "major", "major")
            .build();

    // ---- direct determination (DOMAIN.md §4.2) ----
    private static final BandedGradingScheme DIRECT = BandedGradingScheme.builder(DIRECT_ID, DirectMethod.ID)
            .name("Direct determination: any major-risk criterion met forces 重大")
            .source("DOMAIN.md §4.2: DB37/T 2882-2016 重大风险确定原则 (recalled [U]); practice in the 2010 register of "
                    + "山西第八建筑工程有限公司, https://www.xiaomilidoc.com/p-9291305.html, and the judgement codes of "
                    + "github.com/FraneYang/SUBHSSE Response.aspx")
            .lowest(new Grade("none", "未满足重大风险判定条件 (no major-risk criterion met)", RiskLevel.LOW,
                    "按其他评价方法的结果管控 (grade by the other assessment methods)"), BigDecimal.ZERO, true)
            .threshold("1", UPPER, new Grade("major", "重大风险（直接判定） (major risk by direct determination)",
                    RiskLevel.MAJOR, "企业重点管控，建立管控档案 (company-level control, with a control file)"))
            .upperLimit(BigDecimal.valueOf(5), true)
            .build();

    private static final List<GradingScheme> ALL = List.of(LEC_V1, LEC_V1_STRICT, LEC_V2, LEC_BINARY, LEC_KINNEY,
            LS_SHANDONG, LS_ZGMKW, LS_JHA, LS_HUBEI, MES_5, MES_4, MATRIX_5X5, MATRIX_4X4_ENTERPRISE, DIRECT);

    private BuiltInSchemes() {
    }

    /** @return every shipped scheme, in the order of the table above; immutable */
    public static List<GradingScheme> all() {
        return ALL;
    }

    /**
     * Finds a shipped scheme.
     *
     * @param id a scheme id
     * @return the scheme, or empty if none of the shipped schemes has this id
     */
    public static Optional<GradingScheme> byId(SchemeId id) {
        Objects.requireNonNull(id, "id");
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** @return {@code LEC-V1} */
    public static BandedGradingScheme lecV1() {
        return LEC_V1;
    }

    /** @return {@code LEC-V1-STRICT} */
    public static BandedGradingScheme lecV1Strict() {
        return LEC_V1_STRICT;
    }

    /** @return {@code LEC-V2} */
    public static BandedGradingScheme lecV2() {
        return LEC_V2;
    }

    /** @return {@code LEC-BINARY} */
    public static BandedGradingScheme lecBinary() {
        return LEC_BINARY;
    }

    /** @return {@code LEC-KINNEY} */
    public static BandedGradingScheme lecKinney() {
        return LEC_KINNEY;
    }

    /** @return {@code LS-SHANDONG} */
    public static BandedGradingScheme lsShandong() {
        return LS_SHANDONG;
    }

    /** @return {@code LS-ZGMKW} */
    public static BandedGradingScheme lsZgmkw() {
        return LS_ZGMKW;
    }

    /** @return {@code LS-JHA} */
    public static BandedGradingScheme lsJha() {
        return LS_JHA;
    }

    /** @return {@code LS-HUBEI} */
    public static BandedGradingScheme lsHubei() {
        return LS_HUBEI;
    }

    /** @return {@code MES-5} */
    public static BandedGradingScheme mes5() {
        return MES_5;
    }

    /** @return {@code MES-4} */
    public static BandedGradingScheme mes4() {
        return MES_4;
    }

    /** @return {@code MATRIX-5X5} */
    public static CellGradingScheme matrix5x5() {
        return MATRIX_5X5;
    }

    /** @return {@code MATRIX-4X4-ENTERPRISE} */
    public static CellGradingScheme matrix4x4Enterprise() {
        return MATRIX_4X4_ENTERPRISE;
    }

    /** @return {@code DIRECT} */
    public static BandedGradingScheme direct() {
        return DIRECT;
    }
}
