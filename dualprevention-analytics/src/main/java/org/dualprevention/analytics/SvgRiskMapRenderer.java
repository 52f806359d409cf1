package org.dualprevention.analytics;

import static org.dualprevention.analytics.Checks.checkArgument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPointId;

/**
 * Draws a {@link RiskMap} as a standalone SVG document (风险四色分布图) that opens in a browser: zones
 * filled by their effective colour in the full, opaque four colours of DOMAIN.md §4.1 ({@link RiskLevel#rgb()}),
 * risk points marked as dots in their own effective colour with their names printed beside them, a legend
 * that says what it counts (risk points by their current, effective level) with the four levels (labels from
 * {@link RiskLevel#displayName(Locale)}) and the number per colour, a title and the date in the locale's form.
 * Labels are Chinese for a locale whose language is {@code zh}, English otherwise, whatever the JVM's default
 * locale.
 *
 * <p>Zones with no assessed risk point are grey ({@value #NOT_ASSESSED_RGB}). Risk points are drawn at the
 * site-plan positions given with {@link #withPositions(Map)}; a risk point without a position is placed on
 * a small grid around its zone's anchor, and one with neither a position nor a zone is not drawn. The
 * document is well-formed XML 1.0 in UTF-8; all text is escaped, and characters not allowed in XML are
 * dropped. Elements carry {@code class} and {@code data-*} attributes (zone and risk point ids, level
 * codes) for styling and scripting.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SvgRiskMapRenderer {
    /** Fill of a zone or risk point without a level. */
    public static final String NOT_ASSESSED_RGB = "#BDBDBD";
    private static final double PAD = 20;
    private static final double HEADER = 70;
    private static final double LEGEND_ROW = 24;
    private static final double POINT_SPACING = 16;
    private static final int POINTS_PER_COLUMN = 6;
    private static final double COLUMN_WIDTH = 150;

    private final Locale locale;
    private final boolean chinese;
    private final Optional<String> title;
    private final int width;
    private final Map<RiskPointId, MapZone.Point> positions;

    private SvgRiskMapRenderer(Locale locale, Optional<String> title, int width, Map<RiskPointId, MapZone.Point> positions) {
        this.chinese = "zh".equals(locale.getLanguage());
        this.locale = chinese ? Locale.CHINESE : Locale.ROOT;
        this.title = title;
        this.width = width;
        this.positions = positions;
    }

    /**
     * A renderer with labels in the given locale (Chinese for {@code zh}, otherwise English), the default
     * title and a width of 1000 pixels.
     *
     * @param locale the labels' locale
     * @return the renderer
     */
    public static SvgRiskMapRenderer of(Locale locale) {
        return new SvgRiskMapRenderer(Objects.requireNonNull(locale, "locale"), Optional.empty(), 1000, Map.of());
    }

    /**
     * A copy with another title, e.g. the enterprise's name and "安全风险四色分布图".
     *
     * @param value the title
     * @return the copy
     */
    public SvgRiskMapRenderer withTitle(String value) {
        return new SvgRiskMapRenderer(locale, Optional.of(Objects.requireNonNull(value, "title")), width, positions);
    }

    /**
     * A copy with another width.
     *
     * @param value the width in pixels, 200 to 20000
     * @return the copy
     */
    public SvgRiskMapRenderer withWidth(int value) {
        checkArgument(value >= 200 && value <= 20_000, "width [%s] is not allowed; allowed: 200 to 20000", value);
        return new SvgRiskMapRenderer(locale, title, value, positions);
    }

    /**
     * A copy that draws risk points at the given site-plan positions.
     *
     * @param value position per risk point, in the zones' coordinates
     * @return the copy
     */
    public SvgRiskMapRenderer withPositions(Map<RiskPointId, MapZone.Point> value) {
        return new SvgRiskMapRenderer(locale, title, width, Map.copyOf(value));
    }

    /**
     * Renders the map.
     *
     * @param map the map
     * @return the SVG document
     */
    public String render(RiskMap map) {
        StringBuilder sb = new StringBuilder(4096);
        render(map, sb);
        return sb.toString();
    }

    /**
     * Renders the map to an {@link Appendable}, e.g. a {@code Writer} for UTF-8.
     *
     * @param map the map
     * @param out where to write
     * @throws UncheckedIOException if writing fails
     */
    public void render(RiskMap map, Appendable out) {
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(out, "out");
        try {
            write(map, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(RiskMap map, Appendable out) throws IOException {
        double minX = 0;
        double minY = 0;
        double maxX = 1;
        double maxY = 1;
        boolean first = true;
        for (ZoneStatus z : map.zones()) {
            MapZone g = z.zone();
            minX = first ? g.minX() : Math.min(minX, g.minX());
            minY = first ? g.minY() : Math.min(minY, g.minY());
            maxX = first ? g.maxX() : Math.max(maxX, g.maxX());
            maxY = first ? g.maxY() : Math.max(maxY, g.maxY());
            first = false;
        }
        for (MapZone.Point p : positions.values()) {
            minX = Math.min(minX, p.x());
            minY = Math.min(minY, p.y());
            maxX = Math.max(maxX, p.x());
            maxY = Math.max(maxY, p.y());
        }
        double planWidth = Math.max(maxX - minX, 1e-9);
        double scale = (width - 2 * PAD) / planWidth;
        double mapHeight = (maxY - minY) * scale;
        double legendTop = HEADER + mapHeight + PAD;
        double height = legendTop + LEGEND_ROW * 6 + PAD;
        Projection proj = new Projection(minX, minY, scale);

        String heading = title.orElse(AnalyticsLabels.get("Map.title", locale));
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ')
                .append(num(height)).append("\" font-family=\"sans-serif\">\n");
        out.append("  <title>").append(esc(heading)).append("</title>\n");
        out.append("  <rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" fill=\"#FFFFFF\"/>\n");
        out.append("  <text class=\"title\" x=\"").append(num(PAD)).append("\" y=\"32\" font-size=\"22\" font-weight=\"bold\">")
                .append(esc(heading)).append("</text>\n");
        out.append("  <text class=\"date\" x=\"").append(num(PAD)).append("\" y=\"56\" font-size=\"14\">")
                .append(esc(AnalyticsLabels.get("Map.date", locale))).append(colon()).append(esc(date(map.date())))
                .append("</text>\n");

        out.append("  <g class=\"zones\">\n");
        for (ZoneStatus z : map.zones()) {
            Optional<RiskLevel> level = z.summary().effective();
            out.append("    <polygon class=\"zone\" data-zone=\"").append(esc(z.zone().id().value()))
                    .append("\" data-level=\"").append(level.map(RiskLevel::code).orElse("none"))
                    .append("\" points=\"");
            List<MapZone.Point> poly = z.zone().polygon();
            for (int i = 0; i < poly.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                out.append(num(proj.x(poly.get(i).x()))).append(',').append(num(proj.y(poly.get(i).y())));
            }
            out.append("\" fill=\"").append(level.map(RiskLevel::rgb).orElse(NOT_ASSESSED_RGB))
                    .append("\" stroke=\"#424242\" stroke-width=\"1.5\">");
            out.append("<title>").append(esc(zoneTooltip(z))).append("</title></polygon>\n");
            MapZone.Point a = z.zone().anchor();
            out.append("    <text class=\"zone-label\" x=\"").append(num(proj.x(a.x()))).append("\" y=\"")
                    .append(num(proj.y(a.y()) - 10)).append("\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\""
                            + " stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\">")
                    .append(esc(z.zone().name())).append("</text>\n");
        }
        out.append("  </g>\n");

        out.append("  <g class=\"risk-points\">\n");
        Map<RiskPointId, MapZone.Point> auto = autoPositions(map, proj);
        for (PointStatus p : map.points()) {
            double cx;
            double cy;
            MapZone.Point given = positions.get(p.id());
            if (given != null) {
                cx = proj.x(given.x());
                cy = proj.y(given.y());
            } else if (auto.containsKey(p.id())) {
                cx = auto.get(p.id()).x();
                cy = auto.get(p.id()).y();
            } else {
                continue;
            }
            Optional<RiskLevel> level = p.effective();
            // a white ring with a black edge keeps the dot visible on a zone of its own colour
            out.append("    <circle class=\"risk-point-halo\" cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                    .append("\" r=\"7.5\" fill=\"#FFFFFF\" stroke=\"#000000\" stroke-width=\"1\"/>\n");
            out.append("    <circle class=\"risk-point\" data-risk-point=\"").append(esc(p.id().value()))
                    .append("\" data-level=\"").append(level.map(RiskLevel::code).orElse("none")).append("\" cx=\"")
                    .append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"5\" fill=\"")
                    .append(level.map(RiskLevel::rgb).orElse(NOT_ASSESSED_RGB))
                    .append("\"><title>").append(esc(pointTooltip(p)))
                    .append("</title></circle>\n");
            out.append("    <text class=\"risk-point-label\" data-risk-point=\"").append(esc(p.id().value()))
                    .append("\" x=\"").append(num(cx + 8)).append("\" y=\"").append(num(cy + 4))
                    .append("\" font-size=\"11\" stroke=\"#FFFFFF\" stroke-width=\"3\" paint-order=\"stroke\">")
                    .append(esc(p.name())).append("</text>\n");
        }
        out.append("  </g>\n");

        Map<RiskLevel, Long> counts = new EnumMap<>(RiskLevel.class);
        long notAssessed = 0;
        for (PointStatus p : map.points()) {
            if (p.effective().isPresent()) {
                counts.merge(p.effective().get(), 1L, Long::sum);
            } else {
                notAssessed++;
            }
        }
        out.append("  <g class=\"legend\">\n");
        out.append("    <text class=\"legend-title\" x=\"").append(num(PAD)).append("\" y=\"").append(num(legendTop + 14))
                .append("\" font-size=\"14\" font-weight=\"bold\">").append(esc(AnalyticsLabels.get("Map.legendCounts", locale)))
                .append("</text>\n");
        double y = legendTop + LEGEND_ROW;
        for (RiskLevel l : RiskLevel.values()) {
            legendRow(out, y, l.code(), l.rgb(), l.displayName(locale) + (chinese ? "（" + l.colourName(locale) + "）"
                    : " (" + l.colourName(locale) + ")") + colon() + points(counts.getOrDefault(l, 0L)));
            y += LEGEND_ROW;
        }
        legendRow(out, y, "none", NOT_ASSESSED_RGB, AnalyticsLabels.get("Map.notAssessed", locale) + colon()
                + points(notAssessed));
        out.append("  </g>\n");
        out.append("</svg>\n");
    }

    private String colon() {
        return chinese ? "：" : ": ";
    }

    private String date(java.time.LocalDate day) {
        return java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH).format(day);
    }

    /** @return "3 个风险点", "1 risk point", "3 risk points" */
    private String points(long n) {
        if (chinese) {
            return n + " " + AnalyticsLabels.get("Map.riskPoints", locale);
        }
        return n + " " + AnalyticsLabels.get(n == 1 ? "Map.riskPoint" : "Map.riskPoints", locale);
    }

    private void legendRow(Appendable out, double y, String code, String rgb, String label) throws IOException {
        out.append("    <rect class=\"legend-swatch\" data-level=\"").append(code).append("\" x=\"").append(num(PAD))
                .append("\" y=\"").append(num(y)).append("\" width=\"18\" height=\"14\" fill=\"").append(rgb)
                .append("\" stroke=\"#424242\"/>\n");
        out.append("    <text class=\"legend-label\" data-level=\"").append(code).append("\" x=\"").append(num(PAD + 26))
                .append("\" y=\"").append(num(y + 12)).append("\" font-size=\"13\">").append(esc(label)).append("</text>\n");
    }

    private String zoneTooltip(ZoneStatus z) {
        LevelSummary s = z.summary();
        return z.zone().name() + colon() + s.effective().map(l -> l.displayName(locale))
                .orElse(AnalyticsLabels.get("Map.notAssessed", locale)) + (chinese ? "；" : "; ")
                + points(s.riskPoints()) + (chinese ? "；" : "; ") + dangers(s.openDangers(), s.overdueDangers());
    }

    private String pointTooltip(PointStatus p) {
        return p.name() + colon() + p.effective().map(l -> l.displayName(locale))
                .orElse(AnalyticsLabels.get("Map.notAssessed", locale)) + (chinese ? "；" : "; ")
                + dangers(p.openDangers(), p.overdueDangers());
    }

    /** @return "2 项未关闭隐患（1 项逾期）", "1 open hidden danger (0 overdue)" */
    private String dangers(long open, long overdue) {
        String o = open + " " + AnalyticsLabels.get(!chinese && open == 1 ? "Map.openOne" : "Map.open", locale);
        String late = overdue + " " + AnalyticsLabels.get("Map.overdue", locale);
        return chinese ? o + "（" + late + "）" : o + " (" + late + ")";
    }

    /** Screen positions on a grid around each zone's anchor for risk points without a given position. */
    private Map<RiskPointId, MapZone.Point> autoPositions(RiskMap map, Projection proj) {
        Map<RiskPointId, MapZone.Point> out = new HashMap<>();
        for (ZoneStatus z : map.zones()) {
            List<RiskPointId> ids = z.riskPoints().stream().filter(id -> !positions.containsKey(id)).toList();
            // a list of dots with their names, in columns of POINTS_PER_COLUMN under the zone's name
            int cols = (ids.size() + POINTS_PER_COLUMN - 1) / POINTS_PER_COLUMN;
            MapZone.Point a = z.zone().anchor();
            double x0 = proj.x(a.x()) - cols * COLUMN_WIDTH / 2 + 8;
            double y0 = proj.y(a.y()) + 6;
            for (int i = 0; i < ids.size(); i++) {
                out.put(ids.get(i), new MapZone.Point(x0 + (i / POINTS_PER_COLUMN) * COLUMN_WIDTH,
                        y0 + (i % POINTS_PER_COLUMN) * POINT_SPACING));
            }
        }
        return out;
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }

    /**
     * Escapes text for XML content and attribute values and drops characters XML 1.0 does not allow.
     *
     * @param s the text
     * @return the escaped text
     */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&':
                    sb.append("&amp;");
                    break;
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&apos;");
                    break;
                default:
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                            || c == 0xFFFE || c == 0xFFFF) {
                        continue;
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }

    private static final class Projection {
        private final double minX;
        private final double minY;
        private final double scale;

        Projection(double minX, double minY, double scale) {
            this.minX = minX;
            this.minY = minY;
            this.scale = scale;
        }

        double x(double planX) {
            return PAD + (planX - minX) * scale;
        }

        double y(double planY) {
            return HEADER + (planY - minY) * scale;
        }
    }
}
