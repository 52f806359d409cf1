package org.dualprevention.examples.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.analytics.ZoneStatus;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskLevel;

/**
 * The demo's one-page HTML report in the run's language: statistics, early warnings, the hidden-danger ledger
 * and the risk map embedded as inline SVG. Every code is shown as its label; each statistic cell carries a
 * {@code data-stat} attribute with the statistic's stable id, and each ledger row a {@code data-state} with the
 * state's code, so that tests (and scrapers) read the numbers without parsing prose.
 */
final class HtmlReport {
    private HtmlReport() {
    }

    static String render(Texts t, Organization org, RiskMap map, UnitStatistics stats, Map<String, String> rows,
            List<String> warnings, List<HiddenDanger> dangers, PlantDemo.Names names, String svg, List<String> tankFarm,
            LocalDate asOf) {
        StringBuilder b = new StringBuilder(64 * 1024);
        String company = org.units().get(0).name();
        b.append("<!DOCTYPE html>\n<html lang=\"").append(t.htmlLang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(t.get("report.title", company))).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:2em;")
                .append("max-width:1200px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:left;font-size:14px}th{background:#f3f3f3}.n{text-align:right}")
                .append(".lv{display:inline-block;width:1em;height:1em;vertical-align:middle;margin-right:4px}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(esc(t.get("report.title", company))).append("</h1>\n<p>")
                .append(esc(t.get("report.intro", t.date(asOf), t.date(stats.period().start()),
                        t.date(stats.period().lastDay())))).append("</p>\n");

        b.append("<h2>").append(esc(t.get("report.map"))).append("</h2>\n<div class=\"map\">\n")
                .append(stripXmlDeclaration(svg)).append("\n</div>\n<p>");
        for (RiskLevel l : RiskLevel.values()) {
            b.append("<span class=\"lv\" style=\"background:").append(l.rgb()).append("\"></span>")
                    .append(esc(l.displayName(t.locale()))).append(" &nbsp; ");
        }
        b.append("</p>\n<table>\n<tr>");
        for (String k : List.of("zone", "points", "assessed", "effective", "open", "overdue")) {
            b.append("<th>").append(esc(t.get("report.zones." + k))).append("</th>");
        }
        b.append("</tr>\n");
        for (ZoneStatus z : map.zones()) {
            b.append("<tr><td>").append(esc(z.zone().name())).append("</td><td class=\"n\">")
                    .append(t.number(z.summary().riskPoints())).append("</td><td>").append(level(t, z.summary().assessed()))
                    .append("</td><td>").append(level(t, z.summary().effective())).append("</td><td class=\"n\">")
                    .append(t.number(z.summary().openDangers())).append("</td><td class=\"n\">")
                    .append(t.number(z.summary().overdueDangers())).append("</td></tr>\n");
        }
        b.append("</table>\n");

        b.append("<h2>").append(esc(t.get("report.statistics"))).append("</h2>\n<table>\n");
        for (Map.Entry<String, String> e : rows.entrySet()) {
            b.append("<tr><th>").append(esc(t.get("stat." + e.getKey()))).append("</th><td data-stat=\"")
                    .append(e.getKey()).append("\">").append(esc(e.getValue())).append("</td></tr>\n");
        }
        b.append("<tr><th>").append(esc(t.get("stat.closed"))).append("</th><td data-stat=\"closed\">")
                .append(t.number(stats.closedLoop().numerator())).append("</td></tr>\n</table>\n");

        b.append("<h2>").append(esc(t.get("report.warnings", warnings.size()))).append("</h2>\n<ul>\n");
        for (String w : warnings) {
            b.append("<li>").append(esc(w)).append("</li>\n");
        }
        b.append("</ul>\n");

        b.append("<h2>").append(esc(t.get("report.tankfarm"))).append("</h2>\n<ul data-section=\"tank-farm\">\n");
        for (String line : tankFarm) {
            b.append("<li>").append(esc(line)).append("</li>\n");
        }
        b.append("</ul>\n");

        b.append("<h2>").append(esc(t.get("report.ledger", dangers.size()))).append("</h2>\n<table>\n<tr>");
        for (String k : List.of("id", "title", "unit", "source", "found", "grade", "state", "deadline", "rejections",
                "extensions")) {
            b.append("<th>").append(esc(t.get("report.ledger." + k))).append("</th>");
        }
        b.append("</tr>\n");
        for (HiddenDanger d : dangers) {
            boolean overdue = d.isOverdue(asOf);
            b.append("<tr data-state=\"").append(d.state().code()).append("\"><td>").append(esc(d.id().value()))
                    .append("</td><td>").append(esc(d.title())).append("</td><td>").append(esc(names.unit(d.unit())))
                    .append("</td><td>").append(esc(d.source().displayName(t.locale()))).append("</td><td>")
                    .append(esc(t.date(d.foundOn()))).append("</td><td>")
                    .append(esc(d.grade().map(g -> g.displayName(t.locale())).orElse(t.get("report.none"))))
                    .append("</td><td>").append(esc(d.state().displayName(t.locale())))
                    .append(overdue ? " <b>" + esc(t.get("report.ledger.overdue")) + "</b>" : "").append("</td><td>")
                    .append(esc(d.deadline().map(t::date).orElse(t.get("report.none")))).append("</td><td class=\"n\">")
                    .append(t.number(d.rejections())).append("</td><td class=\"n\">").append(t.number(d.extensionCount()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n</body>\n</html>\n");
        return b.toString();
    }

    private static String level(Texts t, Optional<RiskLevel> l) {
        return l.map(x -> "<span class=\"lv\" style=\"background:" + x.rgb() + "\"></span>"
                + esc(x.colourName(t.locale()))).orElse("-");
    }

    private static String stripXmlDeclaration(String svg) {
        return svg.startsWith("<?xml") ? svg.substring(svg.indexOf("?>") + 2).strip() : svg;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
