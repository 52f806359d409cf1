package org.dualprevention.analytics.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.IncidentStatistics;
import org.dualprevention.analytics.LookBackStatistics;
import org.dualprevention.analytics.PointStatus;
import org.dualprevention.analytics.PeriodReport;
import org.dualprevention.analytics.Rate;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.SvgRiskMapRenderer;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.RectificationPlan;
import org.dualprevention.hazmat.CriticalQuantityTable;
import org.dualprevention.hazmat.Holding;
import org.dualprevention.hazmat.MajorHazardGrade;
import org.dualprevention.hazmat.MajorHazardInstallation;
import org.dualprevention.hazmat.MajorHazardStatus;
import org.dualprevention.hazmat.TableEntry;
import org.dualprevention.incident.Incident;
import org.dualprevention.incident.IncidentKind;
import org.dualprevention.lookback.Recheck;
import org.dualprevention.lookback.RecheckResult;
import org.dualprevention.lookback.Recurrence;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.ControlLevel;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.Assessment;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.MeasureCategory;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.LevelCombination;

/**
 * Renders the documents a safety manager files and posts, each as one self-contained HTML page printable
 * on A4: inline CSS with {@code @page} rules (the register and the ledger in landscape, the cards and the
 * statistics table in portrait), no scripts and no external resources (charts and the map are inline SVG),
 * well-formed polyglot XHTML in UTF-8.
 *
 * <pre>{@code
 * Documents docs = Documents.of(Locale.SIMPLIFIED_CHINESE)      // the default; Locale.ENGLISH for English
 *         .withEnterprise("华信精细化工有限公司")
 *         .withDirectory(Directory.empty().withResponsible(unit, "张伟").withContact(unit, "值班室", "0531-1234567"));
 * String register = docs.riskRegister(organization, riskPoints, zones, asOf);
 * String ledger = docs.hiddenDangerLedger(organization, riskPoints, zones, hiddenDangers, asOf, zone);
 * }</pre>
 *
 * <h2>What each document shows</h2>
 * <ul>
 *   <li>{@link #riskRegister 风险分级管控清单}: one row per hazard, risk points from the most severe level down:
 *       risk point, unit, zone, hazard with its GB/T 13861 class, GB 6441 accident types, the current
 *       assessments (method, factors, score), the level in its colour, control levels with responsible units
 *       and persons, and the control measures in their five categories; with {@link #withMajorHazard} also the
 *       major hazard installations (substances with quantity and critical quantity, S, α, R, grade, risk points,
 *       the table's edition) and, under the level of each of their risk points, the reason it is 重大
 *       ("重大危险源 四级，R = 2.16").</li>
 *   <li>{@link #riskCards 安全风险告知卡}: one card per risk point for the board on site: level colour, main
 *       hazards and accident types, control measures, emergency measures (the measures of category
 *       emergency), control level and responsible people, emergency contacts.</li>
 *   <li>{@link #postCards 岗位风险告知卡} and {@link #emergencyCards 应急处置卡}: one card per post (a unit at
 *       {@link ControlLevel#POST}); a post works at the risk points it owns or holds a control measure of,
 *       and at those the {@link Directory} names for it, or, when the directory names none, at the risk
 *       points of the unit directly above it. The emergency card lists the emergency measures per accident
 *       type.</li>
 *   <li>{@link #hiddenDangerLedger 隐患排查治理台账}: one row per hidden danger (withdrawn ones excluded) with
 *       risk point, zone, responsible person, the five implementations, deadline, rectification and
 *       acceptance, overdue days, and the rectification rate (整改率) and closed-loop rate (闭环率) per grade
 *       (一般 / 重大) as DOMAIN.md §10.3 defines them; with charts of hidden dangers found and closed per week
 *       and of the overdue trend; with {@link #withLookBack} the re-check completion and recurrence rates per
 *       grade and unit and one row per re-check, and with {@link #withIncidents} the incidents and near misses.</li>
 *   <li>{@link #statisticsTable 隐患排查治理统计分析表}: the quarterly or yearly table of 16号令 Art. 14
 *       (DOMAIN.md §5.2) with its reporting deadline, one row per sub-unit and a total, the rates chart by
 *       unit, and the lines for the principal's signature; with {@link #withIncidents} the accidents and near
 *       misses of the period by unit and accident type, the share of near misses and near misses per accident.</li>
 *   <li>{@link #riskMap 安全风险四色分布图}: the four-colour map with the risk points' names, and the levels by
 *       zone; with {@link #withMajorHazard} the installations with S, R, grade and their risk points' levels.</li>
 * </ul>
 * A risk point's and a hazard's level is that of the {@link LevelCombination} (default: the most severe,
 * 从严从高, DOMAIN.md §4.3). Codes never appear: every enumerated value is printed as its label; host text
 * (names, descriptions) is printed as given, each piece inside {@code <span class="t">}, so that a check for
 * untranslated codes can tell the host's words from the library's. Missing optional data is printed as "not
 * recorded" (未登记).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Documents {
    private static final List<MeasureCategory> CATEGORIES = List.of(MeasureCategory.ENGINEERING,
            MeasureCategory.MANAGEMENT, MeasureCategory.TRAINING, MeasureCategory.PERSONAL_PROTECTION,
            MeasureCategory.EMERGENCY);

    private static final Map<String, List<String>> FACTOR_ORDER = Map.of("LEC", List.of("L", "E", "C"), "LS",
            List.of("L", "S"), "MES", List.of("M", "E", "S"), "DIRECT", List.of("LAW", "ACCIDENT", "MAJOR_HAZARD",
                    "CROWDED", "HIGHEST"));

    private final Text text;
    private final Locale locale;
    private final Optional<String> enterprise;
    private final Directory directory;
    private final LevelCombination combination;
    private final Extras extras;

    /** A major hazard installation as the documents show it: with its status and the table it was computed by. */
    private record Installation(MajorHazardInstallation installation, MajorHazardStatus status,
            CriticalQuantityTable table) {
    }

    /** The look-back, incident and major hazard data a host added; empty by default. */
    private record Extras(List<Installation> installations, List<Recheck> rechecks, List<Recurrence> recurrences,
            List<Incident> incidents, ZoneId incidentZone) {
        static final Extras NONE = new Extras(List.of(), List.of(), List.of(), List.of(), ZoneId.of("Asia/Shanghai"));
    }

    private Documents(Locale locale, Optional<String> enterprise, Directory directory, LevelCombination combination) {
        this(locale, enterprise, directory, combination, Extras.NONE);
    }

    private Documents(Locale locale, Optional<String> enterprise, Directory directory, LevelCombination combination,
            Extras extras) {
        this.locale = locale;
        this.text = new Text(locale);
        this.enterprise = enterprise;
        this.directory = directory;
        this.combination = combination;
        this.extras = extras;
    }

    /**
     * Documents in the language of a locale: Simplified Chinese for a locale whose language is {@code zh},
     * English otherwise.
     *
     * @param locale the locale, e.g. {@link Locale#SIMPLIFIED_CHINESE} or {@link Locale#ENGLISH}
     * @return the renderer
     */
    public static Documents of(Locale locale) {
        return new Documents(Objects.requireNonNull(locale, "locale"), Optional.empty(), Directory.empty(),
                LevelCombination.MOST_SEVERE);
    }

    /** @return documents in Simplified Chinese (the default language of every document) */
    public static Documents chinese() {
        return of(Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * A copy that prints the enterprise's name in every heading.
     *
     * @param name the enterprise's name
     * @return the copy
     */
    public Documents withEnterprise(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("enterprise name must not be blank");
        }
        return new Documents(locale, Optional.of(name), directory, combination, extras);
    }

    /**
     * A copy with people's names, responsible persons, emergency contacts and posts' risk points.
     *
     * @param value the directory
     * @return the copy
     */
    public Documents withDirectory(Directory value) {
        return new Documents(locale, enterprise, Objects.requireNonNull(value, "directory"), combination, extras);
    }

    /**
     * A copy that combines a hazard's current assessments with another rule (the engine's, if the host
     * changed it).
     *
     * @param value the combination
     * @return the copy
     */
    public Documents withLevelCombination(LevelCombination value) {
        return new Documents(locale, enterprise, directory, Objects.requireNonNull(value, "combination"), extras);
    }

    /**
     * A copy that also shows a major hazard installation (危险化学品重大危险源, DOMAIN.md §11): in the register
     * (a table of the installations with their substances, S, α, R and grade, and beside each of its risk
     * points the reason it is 重大, e.g. "重大危险源 四级，R = 2.16") and on the risk map page. Call once per
     * installation; the same installation id again replaces the earlier one.
     *
     * @param installation the installation
     * @param status its status, as the engine computed it with {@code table}
     * @param table the critical quantity table (for the substances' names and critical quantities)
     * @return the copy
     * @since 0.2
     */
    public Documents withMajorHazard(MajorHazardInstallation installation, MajorHazardStatus status,
            CriticalQuantityTable table) {
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(table, "table");
        List<Installation> all = new ArrayList<>();
        extras.installations().stream().filter(i -> !i.installation().id().equals(installation.id())).forEach(all::add);
        all.add(new Installation(installation, status, table));
        return new Documents(locale, enterprise, directory, combination, new Extras(List.copyOf(all), extras.rechecks(),
                extras.recurrences(), extras.incidents(), extras.incidentZone()));
    }

    /**
     * A copy whose hidden-danger ledger also shows the look-back (回头看, DOMAIN.md §10.4): the re-check completion
     * rate and the recurrence rate per grade and per unit ({@link LookBackStatistics}, over the days from the
     * earliest re-check's closing or due day to the ledger's day), and one row per re-check with its result and
     * the recurrences found.
     *
     * @param rechecks the re-checks with their results
     * @param recurrences the recurrences
     * @return the copy
     * @since 0.2
     */
    public Documents withLookBack(Collection<Recheck> rechecks, Collection<Recurrence> recurrences) {
        List<Recheck> rs = List.copyOf(Objects.requireNonNull(rechecks, "rechecks"));
        List<Recurrence> cs = List.copyOf(Objects.requireNonNull(recurrences, "recurrences"));
        return new Documents(locale, enterprise, directory, combination, new Extras(extras.installations(), rs, cs,
                extras.incidents(), extras.incidentZone()));
    }

    /**
     * A copy whose ledger lists the incidents and near misses (事故 / 未遂事件, DOMAIN.md §12) up to its day, and
     * whose statistics table counts those of its period by unit and by accident type ({@link IncidentStatistics}).
     *
     * @param incidents the incidents
     * @param zone the organisation's time zone (for the day of occurrence and the period's instants)
     * @return the copy
     * @since 0.2
     */
    public Documents withIncidents(Collection<Incident> incidents, ZoneId zone) {
        List<Incident> is = List.copyOf(Objects.requireNonNull(incidents, "incidents"));
        return new Documents(locale, enterprise, directory, combination, new Extras(extras.installations(),
                extras.rechecks(), extras.recurrences(), is, Objects.requireNonNull(zone, "zone")));
    }

    /** @return the locale asked for */
    public Locale locale() {
        return locale;
    }

    // ------------------------------------------------------------------ register

    /**
     * The risk register by level (风险分级管控清单), A4 landscape.
     *
     * @param organization the organisation
     * @param riskPoints the risk points of the register
     * @param zones the map zones (for the zones' names)
     * @param asOf the day the register is printed for
     * @return the HTML document
     */
    public String riskRegister(Organization organization, List<RiskPoint> riskPoints, List<MapZone> zones,
            LocalDate asOf) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(asOf, "asOf");
        Map<MapZoneId, String> zoneNames = zoneNames(zones);
        List<RiskPoint> sorted = byLevel(riskPoints);
        Html h = begin(text.get("doc.register"), true);
        heading(h, text.get("doc.register"), asOf);
        levelSummary(h, sorted);
        majorHazards(h, organization, riskPoints.stream().collect(java.util.stream.Collectors.toMap(RiskPoint::id,
                RiskPoint::name, (a, b) -> a)), true);
        h.open("table", "class", "register").open("thead").open("tr");
        for (String k : List.of("col.no", "col.riskPoint", "col.unit", "col.zone", "col.hazard", "col.accidentTypes",
                "col.method", "col.factors", "col.score", "col.level", "col.controlLevel", "col.responsibleUnit",
                "col.responsiblePerson")) {
            h.el("th", text.get(k));
        }
        for (MeasureCategory c : CATEGORIES) {
            h.el("th", c.displayName(text.labels));
        }
        h.close("tr").close("thead").nl().open("tbody");
        int no = 0;
        for (RiskPoint p : sorted) {
            no++;
            List<Hazard> hazards = p.hazards();
            int span = Math.max(1, hazards.size());
            for (int i = 0; i < span; i++) {
                h.open("tr", "data-risk-point", p.id().value());
                if (i == 0) {
                    String rs = String.valueOf(span);
                    h.open("td", "rowspan", rs, "class", "num").text(text.number(no)).close("td");
                    h.open("td", "rowspan", rs).host(p.name()).open("div", "class", "sub").text(p.kind()
                            .displayName(text.labels)).close("div");
                    Optional<RiskLevel> pl = combination.levelOf(p);
                    if (pl.isPresent()) {
                        h.level("div", pl.get(), text.level(pl.get()));
                    }
                    for (Installation in : installationsOf(p.id())) {
                        h.el("div", why(in.status()), "class", "sub major-hazard");
                    }
                    h.close("td");
                    h.open("td", "rowspan", rs);
                    unitName(h, organization, p.owningUnit());
                    h.close("td");
                    h.open("td", "rowspan", rs);
                    zoneName(h, zoneNames, p.zone());
                    h.close("td");
                }
                if (hazards.isEmpty()) {
                    h.el("td", text.get("label.none"));
                    for (int k = 0; k < 8 + CATEGORIES.size(); k++) {
                        h.el("td", "");
                    }
                } else {
                    hazardCells(h, organization, hazards.get(i));
                }
                h.close("tr").nl();
            }
        }
        h.close("tbody").close("table");
        return end(h);
    }

    private void hazardCells(Html h, Organization organization, Hazard z) {
        h.open("td").host(z.description()).open("div", "class", "sub hazard-category").text(category(z))
                .close("div").close("td");
        h.el("td", accidentTypes(z.accidentTypes()), "class", "accident-types");
        List<Assessment> current = z.currentAssessments();
        if (current.isEmpty()) {
            h.el("td", text.get("label.notAssessed"));
            h.el("td", "");
            h.el("td", "");
        } else {
            h.open("td");
            lines(h, current, a -> methodName(h, a));
            h.close("td").open("td", "class", "factors");
            lines(h, current, a -> h.text(factors(a)));
            h.close("td").open("td", "class", "num");
            lines(h, current, a -> h.text(text.decimal(a.score().value())));
            h.close("td");
        }
        Optional<RiskLevel> level = combination.levelOf(z);
        if (level.isPresent()) {
            h.level("td", level.get(), text.level(level.get()));
        } else {
            h.el("td", text.get("label.notAssessed"));
        }
        // control levels, responsible units and persons, top level first
        List<ControlMeasure> byRank = new ArrayList<>(z.measures());
        byRank.sort(Comparator.comparing(ControlMeasure::controlLevel));
        Set<String> levels = new LinkedHashSet<>();
        Set<OrgUnitId> units = new LinkedHashSet<>();
        for (ControlMeasure m : byRank) {
            levels.add(m.controlLevel().displayName(text.labels));
            units.add(m.responsibleUnit());
        }
        if (byRank.isEmpty()) {
            h.el("td", text.get("label.notRecorded"));
            h.el("td", text.get("label.notRecorded"));
            h.el("td", text.get("label.notRecorded"));
        } else {
            h.el("td", String.join(text.sep(), levels), "class", "control-level");
            h.open("td");
            lines(h, new ArrayList<>(units), u -> unitName(h, organization, u));
            h.close("td").open("td");
            lines(h, new ArrayList<>(units), u -> person(h, directory.responsible(u)));
            h.close("td");
        }
        for (MeasureCategory c : CATEGORIES) {
            h.open("td", "class", "measures measures-" + c.code());
            List<ControlMeasure> ms = z.measures().stream().filter(m -> m.category() == c).toList();
            if (!ms.isEmpty()) {
                h.open("ul");
                for (ControlMeasure m : ms) {
                    h.open("li").host(m.description()).close("li");
                }
                h.close("ul");
            }
            h.close("td");
        }
    }

    private void methodName(Html h, Assessment a) {
        String key = "method." + a.method().value();
        if (text.has(key)) {
            h.text(text.get(key));
        } else {
            h.host(a.method().value());
        }
    }

    private String factors(Assessment a) {
        List<String> parts = new ArrayList<>();
        boolean direct = "DIRECT".equals(a.method().value());
        // the built-in methods' factors in the order their formula names them; others as given
        List<String> order = FACTOR_ORDER.getOrDefault(a.method().value(), List.of());
        Map<String, java.math.BigDecimal> values = new LinkedHashMap<>();
        order.forEach(k -> a.input().value(k).ifPresent(v -> values.put(k, v)));
        a.input().values().forEach(values::putIfAbsent);
        values.forEach((k, v) -> {
            String key = "factor." + a.method().value() + "." + k;
            if (direct && text.has(key)) {
                if (v.signum() != 0) {
                    parts.add(text.get(key));
                }
            } else {
                parts.add(k + " = " + text.decimal(v));
            }
        });
        if (direct && parts.isEmpty()) {
            return text.get("label.none");
        }
        return String.join(text.chinese ? "；" : "; ", parts);
    }

    private void levelSummary(Html h, List<RiskPoint> points) {
        Map<RiskLevel, Long> counts = new EnumMap<>(RiskLevel.class);
        long none = 0;
        long hazards = 0;
        for (RiskPoint p : points) {
            hazards += p.hazards().size();
            Optional<RiskLevel> l = combination.levelOf(p);
            if (l.isPresent()) {
                counts.merge(l.get(), 1L, Long::sum);
            } else {
                none++;
            }
        }
        h.open("p", "class", "summary").text(text.get("label.levelCounts") + (text.chinese ? "：" : ": "));
        for (RiskLevel l : RiskLevel.values()) {
            h.open("span", "class", "chip level-" + l.code(), "style", "background-color:" + l.rgb() + ";color:"
                    + (l == RiskLevel.GENERAL ? "#000000" : "#FFFFFF")).text(text.level(l) + " "
                            + text.number(counts.getOrDefault(l, 0L))).close("span").text(" ");
        }
        if (none > 0) {
            h.open("span", "class", "chip").text(text.get("label.notAssessed") + " " + text.number(none)).close("span");
        }
        h.text(" · " + text.format("label.riskPointCount", points.size()) + (text.chinese ? "，" : ", ")
                + text.format("label.hazardCount", hazards));
        h.close("p").nl();
    }

    // ------------------------------------------------------------------ cards

    /**
     * The risk notification cards (安全风险告知卡), one A4 page per risk point, most severe first.
     *
     * @param organization the organisation
     * @param riskPoints the risk points
     * @param zones the map zones (for the zones' names)
     * @param asOf the day the cards are printed for
     * @return the HTML document
     */
    public String riskCards(Organization organization, List<RiskPoint> riskPoints, List<MapZone> zones,
            LocalDate asOf) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(asOf, "asOf");
        Map<MapZoneId, String> zoneNames = zoneNames(zones);
        Html h = begin(text.get("doc.riskCards"), false);
        for (RiskPoint p : byLevel(riskPoints)) {
            Optional<RiskLevel> level = combination.levelOf(p);
            cardHead(h, text.get("doc.riskCard"), level, p.name(), asOf);
            h.open("table", "class", "facts").open("tbody");
            row(h, text.get("col.riskPoint"), () -> h.host(p.name()).text(" · " + p.kind().displayName(text.labels)));
            row(h, text.get("col.unit"), () -> unitName(h, organization, p.owningUnit()));
            row(h, text.get("col.zone"), () -> zoneName(h, zoneNames, p.zone()));
            row(h, text.get("col.level"), () -> levelOrNone(h, level));
            controlRows(h, organization, p.hazards());
            h.close("tbody").close("table");
            cardBody(h, organization, p.hazards(), p.owningUnit());
            h.close("section").nl();
        }
        return end(h);
    }

    /**
     * The post risk notification cards (岗位风险告知卡), one A4 page per post that works at a risk point.
     *
     * @param organization the organisation
     * @param riskPoints the risk points
     * @param asOf the day the cards are printed for
     * @return the HTML document
     */
    public String postCards(Organization organization, List<RiskPoint> riskPoints, LocalDate asOf) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(asOf, "asOf");
        Html h = begin(text.get("doc.postCards"), false);
        Map<OrgUnit, List<RiskPoint>> posts = posts(organization, riskPoints);
        if (posts.isEmpty()) {
            h.el("p", text.get("label.noPosts"), "class", "note");
        }
        posts.forEach((post, points) -> {
            List<Hazard> hazards = points.stream().flatMap(p -> p.hazards().stream()).toList();
            Optional<RiskLevel> level = mostSevere(points);
            cardHead(h, text.get("doc.postCard"), level, post.name(), asOf);
            h.open("table", "class", "facts").open("tbody");
            row(h, text.get("col.post"), () -> h.host(post.name()));
            row(h, text.get("col.unit"), () -> unitName(h, organization, post.parent().orElse(post.id())));
            row(h, text.get("col.riskPoints"), () -> joinHost(h, points.stream().map(RiskPoint::name).toList()));
            row(h, text.get("col.level"), () -> levelOrNone(h, level));
            controlRows(h, organization, hazards);
            h.close("tbody").close("table");
            cardBody(h, organization, hazards, post.id());
            h.close("section").nl();
        });
        return end(h);
    }

    /**
     * The emergency response cards (应急处置卡), one A4 page per post that works at a risk point: the emergency
     * measures per accident type, then the emergency contacts.
     *
     * @param organization the organisation
     * @param riskPoints the risk points
     * @param asOf the day the cards are printed for
     * @return the HTML document
     */
    public String emergencyCards(Organization organization, List<RiskPoint> riskPoints, LocalDate asOf) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(asOf, "asOf");
        Html h = begin(text.get("doc.emergencyCards"), false);
        Map<OrgUnit, List<RiskPoint>> posts = posts(organization, riskPoints);
        if (posts.isEmpty()) {
            h.el("p", text.get("label.noPosts"), "class", "note");
        }
        posts.forEach((post, points) -> {
            Optional<RiskLevel> level = mostSevere(points);
            cardHead(h, text.get("doc.emergencyCard"), level, post.name(), asOf);
            Map<AccidentType, Set<String>> byType = new EnumMap<>(AccidentType.class);
            for (RiskPoint p : points) {
                for (Hazard z : p.hazards()) {
                    for (AccidentType t : z.accidentTypes()) {
                        Set<String> s = byType.computeIfAbsent(t, k -> new LinkedHashSet<>());
                        z.measures().stream().filter(m -> m.category() == MeasureCategory.EMERGENCY)
                                .forEach(m -> s.add(m.description()));
                    }
                }
            }
            h.open("table", "class", "emergency").open("thead").open("tr").el("th", text.get("col.accidentTypes"))
                    .el("th", text.get("col.emergencyMeasures")).close("tr").close("thead").open("tbody");
            byType.forEach((t, measures) -> {
                h.open("tr").el("td", t.displayName(text.labels), "class", "accident-types").open("td");
                if (measures.isEmpty()) {
                    h.open("span", "class", "note").text(text.get("label.noEmergency")).close("span");
                } else {
                    h.open("ol");
                    measures.forEach(m -> h.open("li").host(m).close("li"));
                    h.close("ol");
                }
                h.close("td").close("tr").nl();
            });
            h.close("tbody").close("table");
            contacts(h, organization, post.id());
            h.close("section").nl();
        });
        return end(h);
    }

    private void cardHead(Html h, String kind, Optional<RiskLevel> level, String name, LocalDate asOf) {
        h.open("section", "class", "card");
        String style = level.map(l -> "background-color:" + l.rgb() + ";color:" + (l == RiskLevel.GENERAL ? "#000000"
                : "#FFFFFF")).orElse("background-color:#BDBDBD;color:#000000");
        h.open("div", "class", "card-head" + level.map(l -> " level-" + l.code()).orElse(""), "style", style);
        h.el("div", kind, "class", "card-kind");
        h.open("div", "class", "card-name").host(name).close("div");
        h.el("div", level.map(text::level).orElse(text.get("label.notAssessed")), "class", "card-level");
        h.close("div");
        h.open("p", "class", "meta");
        enterprise.ifPresent(e -> h.host(e).text(" · "));
        h.text(text.get("doc.asOf") + (text.chinese ? "：" : ": ") + text.date(asOf)).close("p");
    }

    private void cardBody(Html h, Organization organization, List<Hazard> hazards, OrgUnitId contactsOf) {
        h.el("h2", text.get("col.mainHazards"));
        if (hazards.isEmpty()) {
            h.el("p", text.get("label.none"));
        } else {
            h.open("ul", "class", "hazards");
            for (Hazard z : hazards) {
                h.open("li").host(z.description()).open("span", "class", "hazard-category")
                        .text(text.chinese ? "（" + category(z) + "）" : " (" + category(z) + ")").close("span").close("li");
            }
            h.close("ul");
        }
        Set<AccidentType> types = EnumSet.noneOf(AccidentType.class);
        hazards.forEach(z -> types.addAll(z.accidentTypes()));
        h.el("h2", text.get("col.accidentTypes"));
        h.el("p", types.isEmpty() ? text.get("label.none") : accidentTypes(types), "class", "accident-types");
        h.el("h2", text.get("col.measures"));
        h.open("table", "class", "measures").open("tbody");
        for (MeasureCategory c : CATEGORIES) {
            if (c == MeasureCategory.EMERGENCY) {
                continue;
            }
            Set<String> ms = measures(hazards, c);
            if (ms.isEmpty()) {
                continue;
            }
            h.open("tr").el("th", c.displayName(text.labels)).open("td").open("ul");
            ms.forEach(m -> h.open("li").host(m).close("li"));
            h.close("ul").close("td").close("tr");
        }
        h.close("tbody").close("table");
        h.el("h2", text.get("col.emergencyMeasures"));
        Set<String> em = measures(hazards, MeasureCategory.EMERGENCY);
        if (em.isEmpty()) {
            h.el("p", text.get("label.noEmergency"), "class", "note");
        } else {
            h.open("ol", "class", "emergency");
            em.forEach(m -> h.open("li").host(m).close("li"));
            h.close("ol");
        }
        contacts(h, organization, contactsOf);
    }

    private void contacts(Html h, Organization organization, OrgUnitId unit) {
        h.el("h2", text.get("col.contacts"));
        h.open("ul", "class", "contacts");
        for (Directory.Contact c : directory.contactsFor(organization, unit)) {
            h.open("li").host(c.role()).text(text.chinese ? "：" : ": ").host(c.phone()).close("li");
        }
        for (String k : List.of("label.public119", "label.public120", "label.public110")) {
            h.el("li", text.get(k));
        }
        h.close("ul");
    }

    private void controlRows(Html h, Organization organization, List<Hazard> hazards) {
        Set<ControlLevel> levels = new TreeSet<>();
        Set<OrgUnitId> units = new LinkedHashSet<>();
        hazards.stream().flatMap(z -> z.measures().stream()).sorted(Comparator.comparing(ControlMeasure::controlLevel))
                .forEach(m -> {
                    levels.add(m.controlLevel());
                    units.add(m.responsibleUnit());
                });
        row(h, text.get("col.controlLevel"), () -> h.text(levels.isEmpty() ? text.get("label.notRecorded")
                : String.join(text.sep(), levels.stream().map(l -> l.displayName(text.labels)).toList())));
        row(h, text.get("col.responsibleUnit") + " / " + text.get("col.responsiblePerson"), () -> {
            if (units.isEmpty()) {
                h.text(text.get("label.notRecorded"));
            }
            lines(h, new ArrayList<>(units), u -> {
                unitName(h, organization, u);
                h.text(" / ");
                person(h, directory.responsible(u));
            });
        });
    }

    private static Set<String> measures(List<Hazard> hazards, MeasureCategory c) {
        Set<String> out = new LinkedHashSet<>();
        hazards.forEach(z -> z.measures().stream().filter(m -> m.category() == c).forEach(m -> out.add(m.description())));
        return out;
    }

    /** Posts (units at post level) with the risk points they work at, in the organisation's order. */
    private Map<OrgUnit, List<RiskPoint>> posts(Organization organization, List<RiskPoint> riskPoints) {
        Map<OrgUnit, List<RiskPoint>> out = new LinkedHashMap<>();
        for (OrgUnit u : organization.units()) {
            if (!u.level().equals(ControlLevel.POST)) {
                continue;
            }
            Set<RiskPointId> named = directory.postRiskPoints(u.id());
            List<RiskPoint> points = new ArrayList<>();
            for (RiskPoint p : riskPoints) {
                boolean own = p.owningUnit().equals(u.id()) || named.contains(p.id())
                        || p.hazards().stream().anyMatch(z -> z.measures().stream()
                                .anyMatch(m -> m.responsibleUnit().equals(u.id())));
                boolean parents = named.isEmpty() && u.parent().isPresent() && p.owningUnit().equals(u.parent().get());
                if (own || parents) {
                    points.add(p);
                }
            }
            if (!points.isEmpty()) {
                out.put(u, byLevel(points));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ ledger

    /**
     * The hidden-danger ledger (隐患排查治理台账), A4 landscape: one row per hidden danger (withdrawn ones are
     * left out), oldest first, with the rates per grade and the weekly charts over the ledger's days.
     *
     * @param organization the organisation
     * @param riskPoints the risk points (for names and zones)
     * @param zones the map zones (for the zones' names)
     * @param dangers the hidden dangers
     * @param asOf the day the ledger is printed for: rates, rectification, acceptance and overdue days as of that
     *     day's end (the state column shows the hidden danger's current state); hidden dangers reported after
     *     it are left out
     * @param zone the organisation's time zone (for the day of closing)
     * @return the HTML document
     */
    public String hiddenDangerLedger(Organization organization, List<RiskPoint> riskPoints, List<MapZone> zones,
            List<HiddenDanger> dangers, LocalDate asOf, ZoneId zone) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(zone, "zone");
        Map<MapZoneId, String> zoneNames = zoneNames(zones);
        Map<RiskPointId, RiskPoint> points = new HashMap<>();
        riskPoints.forEach(p -> points.put(p.id(), p));
        List<HiddenDanger> rows = new ArrayList<>();
        List<HiddenDangerFact> facts = new ArrayList<>();
        for (HiddenDanger d : dangers) {
            HiddenDangerFact f = HiddenDangerFact.from(d, d.riskPoint().map(points::get), zone);
            if (f.withdrawn() || f.reportedOn().isAfter(asOf)) {
                continue;
            }
            rows.add(d);
            facts.add(f);
        }
        rows.sort(Comparator.comparing(HiddenDanger::foundOn).thenComparing(d -> d.id().value()));
        Html h = begin(text.get("doc.ledger"), true);
        heading(h, text.get("doc.ledger"), asOf);
        gradeRates(h, facts, asOf);
        h.open("table", "class", "ledger").open("thead").open("tr");
        for (String k : List.of("col.no", "col.title", "col.foundOn", "col.unit", "col.riskPoint", "col.zone",
                "col.grade", "col.source", "col.state")) {
            h.open("th", "rowspan", "2").text(text.get(k)).close("th");
        }
        h.open("th", "colspan", "5").text(text.get("col.five")).close("th");
        for (String k : List.of("col.completedOn", "col.acceptance", "col.overdue")) {
            h.open("th", "rowspan", "2").text(text.get(k)).close("th");
        }
        h.close("tr").open("tr");
        for (String k : List.of("col.fiveResponsible", "col.fiveMeasures", "col.fiveFunds", "col.fiveDeadline",
                "col.fivePlan")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").nl().open("tbody");
        int no = 0;
        for (HiddenDanger d : rows) {
            no++;
            HiddenDangerFact f = HiddenDangerFact.from(d, d.riskPoint().map(points::get), zone);
            h.open("tr", "data-hidden-danger", d.id().value());
            h.el("td", text.number(no), "class", "num");
            h.open("td").host(d.title()).close("td");
            h.el("td", text.date(d.foundOn()), "class", "date");
            h.open("td");
            unitName(h, organization, d.unit());
            h.close("td").open("td");
            Optional<RiskPoint> rp = d.riskPoint().map(points::get);
            if (rp.isPresent()) {
                h.host(rp.get().name());
            } else {
                h.text(d.riskPoint().isPresent() ? text.get("label.notRecorded") : text.get("label.none"));
            }
            h.close("td").open("td");
            zoneName(h, zoneNames, rp.flatMap(RiskPoint::zone));
            h.close("td");
            h.el("td", d.grade().map(g -> g.displayName(text.labels)).orElse(text.get("label.ungraded")),
                    "class", "grade" + d.grade().map(g -> " grade-" + g.code()).orElse(""));
            h.el("td", d.source().displayName(text.labels), "class", "source");
            h.el("td", d.state().displayName(text.labels), "class", "state");
            Optional<RectificationPlan> plan = d.plan();
            if (plan.isPresent()) {
                RectificationPlan pl = plan.get();
                h.open("td");
                actor(h, pl.responsible());
                h.close("td").open("td").host(pl.measures()).close("td");
                h.el("td", text.money(pl.funds()), "class", "num");
                h.open("td", "class", "date").text(text.date(d.deadline().orElse(pl.deadline())));
                if (d.extensionCount() > 0) {
                    h.open("div", "class", "sub").text(text.format("label.originally", text.date(pl.deadline())))
                            .close("div");
                }
                h.close("td").open("td").host(pl.contingencyPlan()).close("td");
            } else {
                String none = d.rectifiedOnSpot() ? text.get("label.none") : text.get("label.notRecorded");
                for (int i = 0; i < 5; i++) {
                    h.el("td", i == 3 ? d.deadline().map(text::date).orElse(none) : none);
                }
            }
            h.el("td", d.completedOn().filter(c -> !c.isAfter(asOf)).map(text::date).orElse(""), "class", "date");
            h.open("td", "class", "acceptance");
            if (f.isClosedBy(asOf) && d.acceptor().isPresent()) {
                actor(h, d.acceptor().get());
                h.text(text.chinese ? "，" : ", ").text(text.date(f.closedOn().orElse(asOf)));
            }
            h.close("td");
            h.el("td", f.isOverdueOn(asOf) ? text.days(f.daysOverdueOn(asOf)) : "", "class", "overdue");
            h.close("tr").nl();
        }
        h.close("tbody").close("table");
        lookBack(h, organization, points, asOf);
        incidentList(h, organization, points, asOf);
        if (!facts.isEmpty()) {
            LocalDate from = facts.stream().map(HiddenDangerFact::reportedOn).min(Comparator.naturalOrder()).orElse(asOf);
            if (from.isBefore(asOf.minusWeeks(Charts.MAX_WEEKS - 1L))) {
                from = asOf.minusWeeks(Charts.MAX_WEEKS - 1L);
            }
            Charts charts = new Charts(text);
            h.open("div", "class", "charts");
            figure(h, charts.foundAndClosedPerWeek(facts, from, asOf));
            figure(h, charts.overdueTrend(facts, from, asOf));
            h.close("div");
        }
        return end(h);
    }

    private void gradeRates(Html h, List<HiddenDangerFact> facts, LocalDate asOf) {
        h.open("table", "class", "grade-rates").open("thead").open("tr");
        for (String k : List.of("col.grade", "col.found", "col.rectified", "col.rectification", "col.closed",
                "col.closedLoop", "col.overdueOpen")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").open("tbody");
        List<String> grades = new ArrayList<>(List.of(HiddenDangerGrade.GENERAL.code(), HiddenDangerGrade.MAJOR.code()));
        if (facts.stream().anyMatch(f -> f.grade().equals(HiddenDangerFact.UNGRADED))) {
            grades.add(HiddenDangerFact.UNGRADED);
        }
        grades.add("");
        for (String g : grades) {
            long found = 0;
            long rectified = 0;
            long closed = 0;
            long overdue = 0;
            for (HiddenDangerFact f : facts) {
                if (!g.isEmpty() && !f.grade().equals(g)) {
                    continue;
                }
                found++;
                rectified += f.isRectifiedBy(asOf) ? 1 : 0;
                closed += f.isClosedBy(asOf) ? 1 : 0;
                overdue += f.isOverdueOn(asOf) ? 1 : 0;
            }
            String label = g.isEmpty() ? text.get("col.total") : g.equals(HiddenDangerFact.UNGRADED)
                    ? text.get("label.ungraded") : HiddenDangerGrade.fromCode(g).displayName(text.labels);
            h.open("tr", "class", g.isEmpty() ? "total" : "grade-" + g).el("th", label)
                    .el("td", text.number(found), "class", "num").el("td", text.number(rectified), "class", "num")
                    .el("td", text.rate(Rate.of(rectified, found)), "class", "num rate-rectification")
                    .el("td", text.number(closed), "class", "num")
                    .el("td", text.rate(Rate.of(closed, found)), "class", "num rate-closed-loop")
                    .el("td", text.number(overdue), "class", "num").close("tr");
        }
        h.close("tbody").close("table");
        h.el("p", text.get("label.rateNote"), "class", "note");
    }

    // ------------------------------------------------------------------ statistics

    /**
     * The quarterly or yearly statistics table (隐患排查治理统计分析表) of 16号令 Art. 14, ready to send: the
     * period, the reporting deadline, one row per direct sub-unit and the unit's total, the rates chart by
     * unit, and the lines for the principal's signature, the preparer and the date.
     *
     * @param organization the organisation
     * @param report the table's data, from {@code Statistics.report}
     * @return the HTML document
     */
    public String statisticsTable(Organization organization, PeriodReport report) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(report, "report");
        String title = text.get("doc.statistics");
        Html h = begin(title, true);
        h.open("header").el("h1", title);
        h.open("p", "class", "meta");
        h.text(text.get("doc.enterprise") + (text.chinese ? "：" : ": "));
        h.host(enterprise.orElse(organization.require(report.unit()).name()));
        h.text(" · " + text.period(report.period()) + " · " + text.get("doc.asOf") + (text.chinese ? "：" : ": ")
                + text.date(report.total().asOf()));
        report.deadline().ifPresent(d -> h.text(" · " + text.get("label.deadline") + (text.chinese ? "：" : ": ")
                + text.date(d)));
        h.close("p").el("p", text.get("label.reportTo"), "class", "meta").close("header").nl();
        h.open("table", "class", "statistics").open("thead").open("tr");
        for (String k : List.of("col.unit", "col.found", "col.foundGeneral", "col.foundMajor", "col.rectified",
                "col.rectification", "col.rectificationGeneral", "col.rectificationMajor", "col.closedLoop",
                "col.majorPlanned", "col.onTime", "col.overdueOpen", "col.inspection")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").nl().open("tbody");
        for (UnitStatistics s : report.rows()) {
            statisticsRow(h, organization, s, false);
        }
        statisticsRow(h, organization, report.total(), true);
        h.close("tbody").close("table");
        h.el("p", text.get("label.rateNote"), "class", "note");
        incidentFigures(h, organization, report.period());
        if (!report.rows().isEmpty()) {
            figure(h, new Charts(text).ratesByUnit(report.rows(), organization));
        }
        h.open("div", "class", "sign");
        for (String k : List.of("label.signSeal", "label.signPrincipal", "label.signPreparer", "label.signDate")) {
            h.open("span").text(text.get(k) + (text.chinese ? "：" : ": ")).el("span", "", "class", "blank").close("span");
        }
        h.close("div");
        return end(h);
    }

    private void statisticsRow(Html h, Organization organization, UnitStatistics s, boolean total) {
        long general = s.byGrade().getOrDefault(HiddenDangerGrade.GENERAL.code(), 0L);
        long major = s.byGrade().getOrDefault(HiddenDangerGrade.MAJOR.code(), 0L);
        h.open("tr", "class", total ? "total" : "unit").open("th");
        if (total) {
            h.text(text.get("col.total") + " · ");
        }
        unitName(h, organization, s.unit());
        h.close("th");
        h.el("td", text.number(s.found()), "class", "num").el("td", text.number(general), "class", "num")
                .el("td", text.number(major), "class", "num")
                .el("td", text.number(s.rectification().numerator()), "class", "num")
                .el("td", text.rate(s.rectification()), "class", "num rate-rectification")
                .el("td", text.rate(s.rectificationOf(HiddenDangerGrade.GENERAL.code())), "class", "num")
                .el("td", text.rate(s.rectificationOf(HiddenDangerGrade.MAJOR.code())), "class", "num")
                .el("td", text.rate(s.closedLoop()), "class", "num rate-closed-loop")
                .el("td", text.number(s.majorPlanned()), "class", "num")
                .el("td", text.rate(s.onTimeRectification()), "class", "num")
                .el("td", text.number(s.overdueOpen()), "class", "num")
                .el("td", text.rate(s.inspectionCompletion()), "class", "num");
        h.close("tr").nl();
    }

    // ------------------------------------------------------------------ warnings

    /**
     * The early warnings (预警信息) as a page: rule, subject and what was found, in the order given.
     *
     * @param warnings the warnings, e.g. from {@code EarlyWarning.evaluate}
     * @param texts the words for them, in the same language as these documents
     * @param asOf the day of the warnings
     * @return the HTML document
     */
    public String warnings(List<org.dualprevention.analytics.Warning> warnings, WarningTexts texts, LocalDate asOf) {
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(asOf, "asOf");
        Html h = begin(text.get("doc.warnings"), false);
        heading(h, text.get("doc.warnings"), asOf);
        if (warnings.isEmpty()) {
            h.el("p", text.get("label.noWarnings"), "class", "note");
            return end(h);
        }
        h.open("table", "class", "warnings").open("thead").open("tr");
        for (String k : List.of("col.no", "col.rule", "col.subject", "col.message")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").open("tbody");
        int no = 0;
        for (org.dualprevention.analytics.Warning w : warnings) {
            no++;
            h.open("tr", "data-rule", w.rule().code()).el("td", text.number(no), "class", "num")
                    .el("td", texts.ruleName(w.rule()), "class", "rule").open("td").host(texts.subject(w.subject()))
                    .close("td").open("td").host(texts.describe(w)).close("td").close("tr").nl();
        }
        h.close("tbody").close("table");
        return end(h);
    }

    // ------------------------------------------------------------------ map

    /**
     * The four-colour risk map (安全风险四色分布图) as a page: the map with the risk points' names and a legend
     * that says what it counts, and the risk points per level by zone.
     *
     * @param map the map
     * @return the HTML document
     */
    public String riskMap(RiskMap map) {
        SvgRiskMapRenderer renderer = SvgRiskMapRenderer.of(text.locale).withWidth(1000);
        if (enterprise.isPresent()) {
            renderer = renderer.withTitle(enterprise.get() + (text.chinese ? " " : " — ") + text.get("doc.map"));
        }
        return riskMap(map, renderer);
    }

    /**
     * The four-colour risk map as a page, drawn by a renderer the host configured (site-plan positions of the
     * risk points, width, title); give it the same locale as these documents.
     *
     * @param map the map
     * @param renderer the renderer
     * @return the HTML document
     */
    public String riskMap(RiskMap map, SvgRiskMapRenderer renderer) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(renderer, "renderer");
        Html h = begin(text.get("doc.map"), true);
        heading(h, text.get("doc.map"), map.date());
        figure(h, renderer.render(map));
        majorHazardsOnMap(h, map);
        figure(h, new Charts(text).levelsByZone(map));
        return end(h);
    }

    // ------------------------------------------------------------------ major hazards, look-back, incidents

    private List<Installation> installationsOf(RiskPointId point) {
        return extras.installations().stream().filter(i -> i.installation().riskPoints().contains(point)).toList();
    }

    /** Why a risk point on the installation is 重大, or what the installation is when it is not a major hazard. */
    private String why(MajorHazardStatus st) {
        if (st.grade().isPresent()) {
            return text.format("label.majorHazardWhy", text.get("majorHazard." + st.grade().get().code()),
                    text.decimal(st.r()));
        }
        return text.format("label.notMajorHazard", text.decimal(st.s()));
    }

    private String substance(Installation in, Holding hd) {
        Optional<TableEntry> e = in.table().entry(hd.substance());
        String name = e.map(x -> text.chinese ? x.nameZh() : capitalised(x.nameEn())).orElse(text.get("label.notInTable"));
        String q = text.decimal(hd.tonnes());
        return e.map(x -> text.format("label.holding", name, q, text.decimal(x.criticalTonnes())))
                .orElse(text.format("label.holdingNoQ", name, q));
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private void gradeCell(Html h, MajorHazardStatus st) {
        Optional<MajorHazardGrade> g = st.grade();
        h.el("td", g.map(x -> x.displayName(text.labels)).orElse(text.get("label.notMajor")),
                "class", "major-hazard-grade" + g.map(x -> " grade-" + x.number()).orElse(""));
    }

    /** The installations' table of the register: substances, S, α, R, grade and risk points. */
    private void majorHazards(Html h, Organization organization, Map<RiskPointId, String> pointNames, boolean register) {
        if (extras.installations().isEmpty()) {
            return;
        }
        h.el("h2", text.get("doc.majorHazards"));
        h.open("table", "class", "major-hazards").open("thead").open("tr");
        for (String k : List.of("col.no", "col.installation", "col.unitKind", "col.unit", "col.substances", "col.s",
                "col.alpha", "col.r", "col.majorHazardGrade", "col.riskPoints", "col.basis")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").open("tbody");
        int no = 0;
        for (Installation in : extras.installations()) {
            no++;
            MajorHazardInstallation m = in.installation();
            MajorHazardStatus st = in.status();
            h.open("tr", "data-installation", m.id().value()).el("td", text.number(no), "class", "num");
            h.open("td").host(m.name()).close("td");
            h.el("td", m.kind().displayName(text.labels));
            h.open("td");
            unitName(h, organization, m.unit());
            h.close("td").open("td");
            lines(h, m.holdings(), hd -> h.text(substance(in, hd)));
            h.close("td");
            h.el("td", text.decimal(st.s()), "class", "num s");
            h.el("td", text.decimal(st.alpha()), "class", "num");
            h.el("td", text.decimal(st.r()), "class", "num r");
            gradeCell(h, st);
            h.open("td");
            lines(h, m.riskPoints(), id -> {
                if (pointNames.containsKey(id)) {
                    h.host(pointNames.get(id));
                } else {
                    h.text(text.get("label.notRecorded"));
                }
            });
            h.close("td").open("td").host(st.tableEdition()).close("td").close("tr").nl();
        }
        h.close("tbody").close("table");
        h.el("p", text.get(register ? "label.majorHazardNote" : "label.majorHazardMapNote"), "class", "note");
    }

    /** The installations under the map: name, S, R, grade and their risk points with their levels. */
    private void majorHazardsOnMap(Html h, RiskMap map) {
        if (extras.installations().isEmpty()) {
            return;
        }
        h.el("h2", text.get("doc.majorHazards"));
        h.open("table", "class", "major-hazards").open("thead").open("tr");
        for (String k : List.of("col.installation", "col.unitKind", "col.s", "col.r", "col.majorHazardGrade",
                "col.riskPoints")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").open("tbody");
        for (Installation in : extras.installations()) {
            MajorHazardInstallation m = in.installation();
            MajorHazardStatus st = in.status();
            h.open("tr", "data-installation", m.id().value()).open("td").host(m.name()).close("td");
            h.el("td", m.kind().displayName(text.labels));
            h.el("td", text.decimal(st.s()), "class", "num s");
            h.el("td", text.decimal(st.r()), "class", "num r");
            gradeCell(h, st);
            h.open("td");
            lines(h, m.riskPoints(), id -> {
                Optional<PointStatus> p = map.point(id);
                if (p.isPresent()) {
                    h.host(p.get().name()).text(" ");
                    Optional<RiskLevel> l = p.get().effective().or(() -> p.get().assessed());
                    if (l.isPresent()) {
                        h.level("span", l.get(), text.level(l.get()));
                    }
                } else {
                    h.text(text.get("label.notOnMap"));
                }
            });
            h.close("td").close("tr").nl();
        }
        h.close("tbody").close("table");
        h.el("p", text.get("label.majorHazardMapNote"), "class", "note");
    }

    /** The look-back of the ledger: rates per grade and per unit, then one row per re-check. */
    private void lookBack(Html h, Organization organization, Map<RiskPointId, RiskPoint> points, LocalDate asOf) {
        List<Recheck> rechecks = extras.rechecks().stream().filter(r -> !r.closedOn().isAfter(asOf))
                .sorted(Comparator.comparing((Recheck r) -> r.dueOn()).thenComparing((Recheck r) -> r.id())).toList();
        if (rechecks.isEmpty()) {
            return;
        }
        LocalDate from = asOf;
        for (Recheck r : rechecks) {
            from = r.closedOn().isBefore(from) ? r.closedOn() : from;
            from = r.dueOn().isBefore(from) ? r.dueOn() : from;
        }
        List<Recurrence> recurrences = extras.recurrences().stream().filter(c -> !c.on().isAfter(asOf)).toList();
        List<Recheck> asOfDay = rechecks.stream().map(r -> r.result().isPresent()
                && r.result().get().checkedOn().isAfter(asOf) ? new Recheck(r.id(), r.riskPoint(), r.hazard(),
                        r.failedMeasure(), r.title(), r.grade(), r.unit(), r.acceptor(), r.closedOn(), r.dueOn(),
                        Optional.empty()) : r).toList();
        LookBackStatistics st = LookBackStatistics.of(asOfDay, recurrences, from, asOf);
        h.el("h2", text.get("doc.lookBack"));
        h.open("table", "class", "look-back-rates").open("thead").open("tr");
        for (String k : List.of("col.lookBackOf", "col.recheckCompletion", "col.recurrenceRate")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").open("tbody");
        for (HiddenDangerGrade g : HiddenDangerGrade.values()) {
            LookBackStatistics.Figures f = st.byGrade().get(g);
            if (f != null) {
                lookBackRow(h, "grade-" + g.code(), () -> h.text(g.displayName(text.labels)), f);
            }
        }
        for (Map.Entry<OrgUnitId, LookBackStatistics.Figures> e : st.byUnit().entrySet()) {
            lookBackRow(h, "unit", () -> unitName(h, organization, e.getKey()), e.getValue());
        }
        lookBackRow(h, "total", () -> h.text(text.get("col.total")), st.total());
        h.close("tbody").close("table");
        h.el("p", text.format("label.lookBackNote", text.date(from), text.date(asOf)), "class", "note");
        h.open("table", "class", "rechecks").open("thead").open("tr");
        for (String k : List.of("col.no", "col.title", "col.riskPoint", "col.grade", "col.unit", "col.closedOn",
                "col.dueOn", "col.recheckResult", "col.checkedBy", "col.recurrence")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").open("tbody");
        int no = 0;
        for (Recheck r : rechecks) {
            no++;
            h.open("tr", "data-recheck", r.id().toString()).el("td", text.number(no), "class", "num");
            h.open("td").host(r.title());
            if (r.id().round() > 1) {
                h.open("div", "class", "sub").text(text.format("label.round", r.id().round())).close("div");
            }
            h.close("td").open("td");
            RiskPoint p = points.get(r.riskPoint());
            if (p != null) {
                h.host(p.name());
            } else {
                h.text(text.get("label.notRecorded"));
            }
            h.close("td");
            h.el("td", r.grade().displayName(text.labels), "class", "grade grade-" + r.grade().code());
            h.open("td");
            unitName(h, organization, r.unit());
            h.close("td");
            h.el("td", text.date(r.closedOn()), "class", "date");
            h.el("td", text.date(r.dueOn()), "class", "date");
            Optional<RecheckResult> res = r.result().filter(x -> !x.checkedOn().isAfter(asOf));
            String state = res.map(x -> x.passed() ? "label.recheckPassed" : "label.recheckFailed")
                    .orElse(r.dueOn().isAfter(asOf) ? "label.recheckNotDue" : "label.recheckPending");
            h.el("td", text.get(state), "class", "recheck-result" + res.map(x -> x.passed() ? " passed" : " failed")
                    .orElse(""));
            h.open("td");
            if (res.isPresent()) {
                actor(h, res.get().checkedBy());
                h.text(text.chinese ? "，" : ", ").text(text.date(res.get().checkedOn()));
            }
            h.close("td").open("td", "class", "recurrence");
            List<String> reasons = recurrences.stream().filter(c -> c.earlier().equals(r.id().danger()))
                    .map(c -> c.reason().displayName(text.labels)).distinct().toList();
            h.text(reasons.isEmpty() ? "" : String.join(text.sep(), reasons));
            h.close("td").close("tr").nl();
        }
        h.close("tbody").close("table");
    }

    private void lookBackRow(Html h, String cls, Runnable label, LookBackStatistics.Figures f) {
        h.open("tr", "class", cls).open("th");
        label.run();
        h.close("th").el("td", text.rate(f.completion()), "class", "num rate-recheck-completion")
                .el("td", text.rate(f.recurrence()), "class", "num rate-recurrence").close("tr");
    }

    /** The incidents and near misses of the ledger, up to its day. */
    private void incidentList(Html h, Organization organization, Map<RiskPointId, RiskPoint> points, LocalDate asOf) {
        ZoneId zone = extras.incidentZone();
        List<Incident> incidents = extras.incidents().stream()
                .filter(i -> !LocalDate.ofInstant(i.occurredAt(), zone).isAfter(asOf))
                .sorted(Comparator.comparing(Incident::occurredAt).thenComparing(i -> i.id().value())).toList();
        if (incidents.isEmpty()) {
            return;
        }
        h.el("h2", text.get("doc.incidents"));
        h.open("table", "class", "incidents").open("thead").open("tr");
        for (String k : List.of("col.no", "col.occurredOn", "col.incidentKind", "col.riskPoint", "col.unit",
                "col.accidentType", "col.failedMeasures", "col.description")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").open("tbody");
        int no = 0;
        for (Incident i : incidents) {
            no++;
            h.open("tr", "data-incident", i.id().value()).el("td", text.number(no), "class", "num");
            h.el("td", text.date(LocalDate.ofInstant(i.occurredAt(), zone)), "class", "date");
            h.el("td", i.kind().displayName(text.labels), "class", "incident-kind");
            RiskPoint p = points.get(i.riskPoint());
            h.open("td");
            if (p != null) {
                h.host(p.name());
            } else {
                h.text(text.get("label.notRecorded"));
            }
            h.close("td").open("td");
            unitName(h, organization, i.unit());
            h.close("td");
            h.el("td", i.accidentType().displayName(text.labels), "class", "accident-types");
            h.open("td");
            List<Optional<String>> measures = new ArrayList<>();
            for (var id : i.failedMeasures()) {
                measures.add(p == null ? Optional.empty() : p.hazards().stream().flatMap(z -> z.measures().stream())
                        .filter(m -> m.id().equals(id)).map(ControlMeasure::description).findFirst());
            }
            if (measures.isEmpty()) {
                h.text(text.get("label.none"));
            }
            lines(h, measures, d -> {
                if (d.isPresent()) {
                    h.host(d.get());
                } else {
                    h.text(text.get("label.notRecorded"));
                }
            });
            h.close("td").open("td").host(i.description()).close("td").close("tr").nl();
        }
        h.close("tbody").close("table");
    }

    /** The incident figures of the statistics table's period: by unit, and by accident type. */
    private void incidentFigures(Html h, Organization organization, org.dualprevention.analytics.ReportingPeriod period) {
        if (extras.incidents().isEmpty()) {
            return;
        }
        ZoneId zone = extras.incidentZone();
        Instant from = period.start().atStartOfDay(zone).toInstant();
        Instant to = period.lastDay().plusDays(1).atStartOfDay(zone).toInstant();
        IncidentStatistics st = IncidentStatistics.of(extras.incidents(), from, to);
        h.el("h2", text.get("doc.incidentFigures"));
        h.open("table", "class", "incident-figures").open("thead").open("tr");
        for (String k : List.of("col.incidentsOf", "col.accidents", "col.nearMisses", "col.incidents",
                "col.nearMissShare", "col.nearMissRatio")) {
            h.el("th", text.get(k));
        }
        h.close("tr").close("thead").open("tbody");
        for (Map.Entry<OrgUnitId, IncidentStatistics.Counts> e : st.byUnit().entrySet()) {
            incidentRow(h, "unit", () -> unitName(h, organization, e.getKey()), e.getValue());
        }
        for (Map.Entry<AccidentType, IncidentStatistics.Counts> e : st.byType().entrySet()) {
            incidentRow(h, "accident-type", () -> h.text(e.getKey().displayName(text.labels)), e.getValue());
        }
        incidentRow(h, "total", () -> h.text(text.get("col.total")), st.total());
        h.close("tbody").close("table");
        h.el("p", text.get("label.incidentNote"), "class", "note");
    }

    private void incidentRow(Html h, String cls, Runnable label, IncidentStatistics.Counts c) {
        h.open("tr", "class", cls).open("th");
        label.run();
        h.close("th").el("td", text.number(c.accidents()), "class", "num").el("td", text.number(c.nearMisses()), "class", "num")
                .el("td", text.number(c.incidents()), "class", "num")
                .el("td", text.rate(c.nearMissShare()), "class", "num rate-near-miss-share")
                .el("td", c.nearMissRatio().map(r -> text.decimal(r.setScale(2, java.math.RoundingMode.HALF_UP)))
                        .orElse(text.get("label.notApplicable")), "class", "num near-miss-ratio")
                .close("tr");
    }

    // ------------------------------------------------------------------ shared parts

    private Html begin(String title, boolean landscape) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + text.languageTag()
                + "\" xml:lang=\"" + text.languageTag() + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n");
        h.el("title", enterprise.map(e -> e + " · ").orElse("") + title).nl();
        h.raw("<style>\n").raw(css(landscape)).raw("</style>\n</head>\n<body>\n");
        return h;
    }

    private static String end(Html h) {
        return h.raw("\n</body>\n</html>\n").toString();
    }

    private void heading(Html h, String title, LocalDate asOf) {
        h.open("header").el("h1", title).open("p", "class", "meta");
        if (enterprise.isPresent()) {
            h.text(text.get("doc.enterprise") + (text.chinese ? "：" : ": ")).host(enterprise.get()).text(" · ");
        }
        h.text(text.get("doc.asOf") + (text.chinese ? "：" : ": ") + text.date(asOf)).close("p").close("header").nl();
    }

    private static void figure(Html h, String svg) {
        String s = svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).strip() : svg;
        h.open("figure").raw(s).close("figure").nl();
    }

    private interface Part<T> {
        void write(T value);
    }

    private static <T> void lines(Html h, List<T> values, Part<T> part) {
        for (int i = 0; i < values.size(); i++) {
            h.open("div", "class", "line");
            part.write(values.get(i));
            h.close("div");
        }
    }

    private void row(Html h, String label, Runnable value) {
        h.open("tr").el("th", label).open("td");
        value.run();
        h.close("td").close("tr");
    }

    private void levelOrNone(Html h, Optional<RiskLevel> level) {
        if (level.isPresent()) {
            h.level("span", level.get(), text.level(level.get()));
        } else {
            h.text(text.get("label.notAssessed"));
        }
    }

    private void joinHost(Html h, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                h.text(text.sep());
            }
            h.host(names.get(i));
        }
    }

    private void unitName(Html h, Organization organization, OrgUnitId unit) {
        Optional<OrgUnit> u = organization.unit(unit);
        if (u.isPresent()) {
            h.host(u.get().name());
        } else {
            h.text(text.get("label.notRecorded"));
        }
    }

    private void zoneName(Html h, Map<MapZoneId, String> names, Optional<MapZoneId> zone) {
        if (zone.isEmpty()) {
            h.text(text.get("label.none"));
        } else if (names.containsKey(zone.get())) {
            h.host(names.get(zone.get()));
        } else {
            h.text(text.get("label.notRecorded"));
        }
    }

    private void person(Html h, Optional<String> name) {
        if (name.isPresent()) {
            h.host(name.get());
        } else {
            h.text(text.get("label.notRecorded"));
        }
    }

    private void actor(Html h, ActorId actor) {
        h.host(directory.person(actor).orElse(actor.value()));
    }

    /** The GB/T 13861 class's label (or the category's for a one-digit code), never the code itself. */
    private String category(Hazard z) {
        return z.category().code().length() >= 2 ? z.category().hazardClass().displayName(text.labels)
                : z.category().group().displayName(text.labels);
    }

    private String accidentTypes(Set<AccidentType> types) {
        return String.join(text.sep(), types.stream().map(t -> t.displayName(text.labels)).toList());
    }

    private Optional<RiskLevel> mostSevere(List<RiskPoint> points) {
        Optional<RiskLevel> out = Optional.empty();
        for (RiskPoint p : points) {
            Optional<RiskLevel> l = combination.levelOf(p);
            if (l.isPresent()) {
                out = Optional.of(out.map(o -> RiskLevel.mostSevere(o, l.get())).orElse(l.get()));
            }
        }
        return out;
    }

    private List<RiskPoint> byLevel(List<RiskPoint> points) {
        List<RiskPoint> out = new ArrayList<>(points);
        out.sort(Comparator.comparingInt((RiskPoint p) -> -combination.levelOf(p).map(RiskLevel::severity).orElse(0))
                .thenComparing(RiskPoint::name).thenComparing(p -> p.id().value()));
        return out;
    }

    private static Map<MapZoneId, String> zoneNames(List<MapZone> zones) {
        Map<MapZoneId, String> out = new HashMap<>();
        Objects.requireNonNull(zones, "zones").forEach(z -> out.put(z.id(), z.name()));
        return out;
    }

    private static String css(boolean landscape) {
        return "@page { size: A4" + (landscape ? " landscape" : "") + "; margin: 10mm; }\n"
                + "html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
                + "body { font-family: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\", \"PingFang SC\","
                + " \"SimSun\", sans-serif; font-size: " + (landscape ? "8pt" : "10.5pt") + "; color: #000000;"
                + " margin: 0; line-height: 1.35; }\n"
                + "h1 { font-size: 16pt; text-align: center; margin: 0 0 2mm 0; }\n"
                + "h2 { font-size: 11pt; margin: 3mm 0 1mm 0; border-bottom: 0.5pt solid #000000; }\n"
                + ".meta { text-align: center; margin: 0 0 2mm 0; }\n"
                + "table { border-collapse: collapse; width: 100%; margin: 0 0 3mm 0; }\n"
                + "th, td { border: 0.5pt solid #000000; padding: 0.8mm 1mm; vertical-align: top; text-align: left; }\n"
                + "th { background-color: #EEEEEE; font-weight: bold; }\n"
                + "thead { display: table-header-group; }\n"
                + "tr { break-inside: avoid; page-break-inside: avoid; }\n"
                + "td.num, td.date { text-align: right; white-space: nowrap; }\n"
                + ".level { font-weight: bold; text-align: center; padding: 0.5mm 1mm; }\n"
                + "div.level, span.level { display: inline-block; margin-top: 0.5mm; }\n"
                + ".chip { display: inline-block; padding: 0.3mm 1.5mm; margin-right: 1mm; font-weight: bold; }\n"
                + ".sub { color: #424242; font-size: 90%; }\n"
                + ".note { color: #424242; font-size: 90%; }\n"
                + "ul, ol { margin: 0; padding-left: 4mm; }\n"
                + ".line + .line { border-top: 0.3pt dotted #9E9E9E; }\n"
                + ".overdue { color: #B71C1C; font-weight: bold; white-space: nowrap; }\n"
                + "section.card { break-after: page; page-break-after: always; border: 1.5pt solid #000000;"
                + " padding: 4mm; }\n"
                + "section.card:last-child { break-after: auto; page-break-after: auto; }\n"
                + ".card-head { text-align: center; padding: 3mm; margin: 0 0 2mm 0; }\n"
                + ".card-kind { font-size: 20pt; font-weight: bold; letter-spacing: 2pt; }\n"
                + ".card-name { font-size: 14pt; font-weight: bold; }\n"
                + ".card-level { font-size: 13pt; }\n"
                + "table.facts th, table.measures th { width: 28mm; }\n"
                + "table.emergency td.accident-types { width: 35mm; }\n"
                + "figure { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; }\n"
                + "figure svg { max-width: 100%; height: auto; }\n"
                + ".sign { margin-top: 10mm; display: flex; justify-content: space-between; }\n"
                + ".blank { display: inline-block; min-width: 40mm; border-bottom: 0.5pt solid #000000; }\n";
    }
}
