package org.dualprevention.examples.spring;

import java.util.List;
import java.util.Locale;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.StorageAnalytics;
import org.dualprevention.analytics.SvgRiskMapRenderer;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.engine.DualPrevention;
import org.dualprevention.engine.dynamic.DefaultEffectiveLevelPolicy;
import org.dualprevention.query.HiddenDangerQuery;
import org.dualprevention.query.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The page a safety manager opens: the four-colour risk map of today and the hidden-danger ledger (隐患排查治理台账),
 * in Chinese, or in English with {@code ?lang=en}. Plain server-side HTML, no script.
 *
 * @since 0.2
 */
@RestController
public class PageController {
    private final DualPrevention dp;

    /**
     * The page on the application's engine.
     *
     * @param dp the engine
     */
    public PageController(DualPrevention dp) {
        this.dp = dp;
    }

    /**
     * The page.
     *
     * @param lang {@code zh} (default) or {@code en}
     * @return the HTML
     */
    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public String page(@RequestParam(name = "lang", defaultValue = "zh") String lang) {
        boolean en = "en".equals(lang);
        Locale locale = en ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        RiskMap map = StorageAnalytics.of(dp.storage(), dp.clock(), dp.zone())
                .riskMap(PlantSeed.ZONES, DefaultEffectiveLevelPolicy.create());
        String svg = SvgRiskMapRenderer.of(locale).withTitle(en ? "Four-colour risk map, " + dp.today()
                : "安全风险四色分布图（" + dp.today() + "）").render(map);
        List<HiddenDanger> ledger = dp.hiddenDangers().find(HiddenDangerQuery.all(), PageRequest.first(200)).items();
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(en ? "en" : "zh-CN").append("\">\n<head><meta charset=\"utf-8\">")
                .append("<title>").append(en ? "Dual prevention" : "双重预防机制").append("</title>")
                .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                        + "td,th{border:1px solid #999;padding:4px 8px}th{background:#eee}</style></head>\n<body>\n")
                .append("<h1>").append(en ? "Four-colour risk map" : "安全风险四色分布图").append("</h1>\n")
                .append(svg.replaceFirst("^<\\?xml[^>]*>\\s*", "")).append('\n')
                .append("<h1>").append(en ? "Hidden-danger ledger" : "隐患排查治理台账").append("</h1>\n<table>\n<tr>");
        for (String h : en ? List.of("Id", "Hidden danger", "Grade", "State", "Deadline", "Overdue")
                : List.of("编号", "隐患", "等级", "状态", "整改期限", "是否逾期")) {
            html.append("<th>").append(h).append("</th>");
        }
        html.append("</tr>\n");
        for (HiddenDanger d : ledger) {
            html.append("<tr><td>").append(escape(d.id().value())).append("</td><td>").append(escape(d.title()))
                    .append("</td><td>").append(d.grade().map(g -> g.displayName(locale)).orElse(en ? "not graded" : "未定级"))
                    .append("</td><td>").append(d.state().displayName(locale))
                    .append("</td><td>").append(d.deadline().map(Object::toString).orElse("—"))
                    .append("</td><td>").append(d.isOverdue(dp.today()) ? (en ? "yes" : "是") : (en ? "no" : "否"))
                    .append("</td></tr>\n");
        }
        return html.append("</table>\n</body>\n</html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
