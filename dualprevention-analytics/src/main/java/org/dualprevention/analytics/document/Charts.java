package org.dualprevention.analytics.document;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.dualprevention.analytics.HiddenDangerFact;
import org.dualprevention.analytics.Rate;
import org.dualprevention.analytics.RiskMap;
import org.dualprevention.analytics.UnitStatistics;
import org.dualprevention.analytics.ZoneStatus;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskLevel;

/**
 * Charts as inline SVG for the documents, where people would rather look than read: hidden dangers found
 * and closed per week, open overdue hidden dangers at each week's end, risk points per level by zone, and
 * the rectification and closed-loop rates by unit. Each chart is one {@code <svg>} element (no XML
 * declaration), with a {@code <title>}, axis labels and the value printed on every bar, in Chinese or
 * English like {@link Documents}; it can be embedded in HTML as it is or saved as an {@code .svg} file.
 *
 * <p>Weeks are ISO weeks, Monday to Sunday; the first and last may be cut by the range. The inputs are read
 * once.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Charts {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 40;
    private static final int BOTTOM = 46;
    private static final String FOUND_RGB = "#1E88E5";
    private static final String CLOSED_RGB = "#43A047";
    private static final String OVERDUE_RGB = "#E53935";
    private static final String CLOSED_LOOP_RGB = "#8E24AA";
    /** Most weeks a weekly chart shows. */
    public static final int MAX_WEEKS = 106;

    private final Text text;

    Charts(Text text) {
        this.text = text;
    }

    /**
     * Charts in the language of a locale: Chinese for {@code zh}, English otherwise.
     *
     * @param locale the locale
     * @return the charts
     */
    public static Charts of(Locale locale) {
        return new Charts(new Text(Objects.requireNonNull(locale, "locale")));
    }

    /**
     * Hidden dangers found (reported, not withdrawn) and closed (after acceptance) per ISO week.
     *
     * @param dangers the facts, read once
     * @param from the first day
     * @param to the last day, at most {@value #MAX_WEEKS} weeks after {@code from}
     * @return the SVG element
     */
    public String foundAndClosedPerWeek(Iterable<HiddenDangerFact> dangers, LocalDate from, LocalDate to) {
        List<LocalDate> weeks = weeks(from, to);
        long[] found = new long[weeks.size()];
        long[] closed = new long[weeks.size()];
        for (HiddenDangerFact d : Objects.requireNonNull(dangers, "dangers")) {
            if (d.withdrawn()) {
                continue;
            }
            int w = weekIndex(weeks, from, to, d.reportedOn());
            if (w >= 0) {
                found[w]++;
            }
            if (d.closedOn().isPresent()) {
                int c = weekIndex(weeks, from, to, d.closedOn().get());
                if (c >= 0) {
                    closed[c]++;
                }
            }
        }
        return bars("weekly", text.get("chart.weekly"), labels(weeks, from), List.of(
                new Series(text.get("chart.found"), FOUND_RGB, found), new Series(text.get("chart.closed"), CLOSED_RGB,
                        closed)), false);
    }

    /**
     * Hidden dangers open and overdue at the end of each ISO week (or on {@code to} for the last week).
     *
     * @param dangers the facts, read once
     * @param from the first day
     * @param to the last day, at most {@value #MAX_WEEKS} weeks after {@code from}
     * @return the SVG element
     */
    public String overdueTrend(Iterable<HiddenDangerFact> dangers, LocalDate from, LocalDate to) {
        List<LocalDate> weeks = weeks(from, to);
        long[] overdue = new long[weeks.size()];
        for (HiddenDangerFact d : Objects.requireNonNull(dangers, "dangers")) {
            for (int i = 0; i < weeks.size(); i++) {
                LocalDate end = weeks.get(i).plusDays(6);
                if (end.isAfter(to)) {
                    end = to;
                }
                if (d.isOverdueOn(end)) {
                    overdue[i]++;
                }
            }
        }
        return bars("overdue", text.get("chart.overdueTrend"), labels(weeks, from),
                List.of(new Series(text.get("chart.overdue"), OVERDUE_RGB, overdue)), false);
    }

    /**
     * Risk points per effective level in each zone of a map, as stacked bars in the four colours.
     *
     * @param map the map
     * @return the SVG element
     */
    public String levelsByZone(RiskMap map) {
        Objects.requireNonNull(map, "map");
        List<String> names = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        for (RiskLevel l : RiskLevel.values()) {
            long[] v = new long[map.zones().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = map.zones().get(i).summary().effectiveCount(l);
            }
            series.add(new Series(text.level(l), l.rgb(), v));
        }
        for (ZoneStatus z : map.zones()) {
            names.add(z.zone().name());
        }
        return bars("levels-by-zone", text.get("chart.levelsByZone"), names, series, true);
    }

    /**
     * The rectification rate (整改率) and the closed-loop rate (闭环率) of each unit, in percent; a unit
     * whose rates are not applicable (nothing found) shows no bar and the words "not applicable".
     *
     * @param rows the statistics of the units, e.g. {@code PeriodReport.rows()}
     * @param organization the organisation (for the units' names)
     * @return the SVG element
     */
    public String ratesByUnit(List<UnitStatistics> rows, Organization organization) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(organization, "organization");
        List<String> names = new ArrayList<>();
        List<Rate> rect = new ArrayList<>();
        List<Rate> loop = new ArrayList<>();
        for (UnitStatistics s : rows) {
            names.add(organization.require(s.unit()).name());
            rect.add(s.rectification());
            loop.add(s.closedLoop());
        }
        Svg svg = new Svg("rates-by-unit", text.get("chart.ratesByUnit"));
        svg.legend(List.of(new Series(text.get("col.rectification"), FOUND_RGB, new long[0]),
                new Series(text.get("col.closedLoop"), CLOSED_LOOP_RGB, new long[0])));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        svg.axis(100, "%");
        int n = Math.max(1, names.size());
        double slot = plotW / n;
        double bar = Math.min(28, slot / 3);
        for (int i = 0; i < names.size(); i++) {
            double x0 = LEFT + i * slot + slot / 2 - bar;
            // both rates count the same hidden dangers found: applicable together or not at all
            if (!rect.get(i).isApplicable()) {
                svg.value(LEFT + i * slot + slot / 2, TOP + plotH - 3, text.get("label.notApplicable"));
            } else {
                int k = 0;
                for (Rate r : List.of(rect.get(i), loop.get(i))) {
                    double x = x0 + k * bar;
                    String colour = k == 0 ? FOUND_RGB : CLOSED_LOOP_RGB;
                    double pct = r.percent(1).orElseThrow().doubleValue();
                    double h = plotH * pct / 100;
                    svg.rect(x, TOP + plotH - h, bar - 2, h, colour, names.get(i) + ": " + text.rate(r));
                    svg.value(x + (bar - 2) / 2, TOP + plotH - h - 3, text.percent(r));
                    k++;
                }
            }
            svg.xLabel(LEFT + i * slot + slot / 2, names.get(i), slot);
        }
        if (names.isEmpty()) {
            svg.noData();
        }
        return svg.end();
    }

    private String bars(String kind, String title, List<String> xLabels, List<Series> series, boolean stacked) {
        Svg svg = new Svg(kind, title);
        svg.legend(series);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        long max = 0;
        for (int i = 0; i < xLabels.size(); i++) {
            long sum = 0;
            for (Series s : series) {
                sum = stacked ? sum + s.values[i] : Math.max(sum, s.values[i]);
            }
            max = Math.max(max, sum);
        }
        long top = niceTop(max);
        svg.axis(top, "");
        int n = Math.max(1, xLabels.size());
        double slot = plotW / n;
        double bar = stacked ? Math.min(40, slot * 0.6) : Math.min(24, slot * 0.8 / series.size());
        int every = Math.max(1, (int) Math.ceil(xLabels.size() / 14.0));
        for (int i = 0; i < xLabels.size(); i++) {
            double centre = LEFT + i * slot + slot / 2;
            double y = TOP + plotH;
            double x = stacked ? centre - bar / 2 : centre - bar * series.size() / 2;
            for (Series s : series) {
                long v = s.values[i];
                double h = top == 0 ? 0 : plotH * v / top;
                if (v > 0) {
                    if (stacked) {
                        y -= h;
                        svg.rect(x, y, bar, h, s.rgb, xLabels.get(i) + " " + s.name + ": " + text.number(v));
                        svg.value(centre, y + h / 2 + 4, text.number(v));
                    } else {
                        svg.rect(x, TOP + plotH - h, bar - 1, h, s.rgb, xLabels.get(i) + " " + s.name + ": "
                                + text.number(v));
                        svg.value(x + (bar - 1) / 2, TOP + plotH - h - 3, text.number(v));
                    }
                }
                if (!stacked) {
                    x += bar;
                }
            }
            if (i % every == 0) {
                svg.xLabel(centre, xLabels.get(i), slot * every);
            }
        }
        if (xLabels.isEmpty() || max == 0) {
            svg.noData();
        }
        return svg.end();
    }

    /** @return the axis top: at least 1, and a multiple of 4 above 4, so every grid line is a whole number */
    static long niceTop(long max) {
        if (max <= 4) {
            return Math.max(max, 1);
        }
        long step = 4;
        while (max / step > 10) {
            step *= max / step > 50 ? 10 : 2;
        }
        return (max + step - 1) / step * step;
    }

    private static List<LocalDate> weeks(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("chart range to [" + to + "] is before from [" + from + "]");
        }
        LocalDate first = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long n = ChronoUnit.WEEKS.between(first, to) + 1;
        if (n > MAX_WEEKS) {
            throw new IllegalArgumentException("chart range " + from + " to " + to + " has " + n
                    + " weeks; allowed: at most " + MAX_WEEKS);
        }
        List<LocalDate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(first.plusWeeks(i));
        }
        return out;
    }

    private static int weekIndex(List<LocalDate> weeks, LocalDate from, LocalDate to, LocalDate day) {
        if (day.isBefore(from) || day.isAfter(to)) {
            return -1;
        }
        return (int) ChronoUnit.WEEKS.between(weeks.get(0), day);
    }

    private List<String> labels(List<LocalDate> weeks, LocalDate from) {
        List<String> out = new ArrayList<>();
        for (LocalDate w : weeks) {
            LocalDate d = w.isBefore(from) ? from : w;
            out.add(text.chinese ? d.getMonthValue() + "月" + d.getDayOfMonth() + "日"
                    : d.getDayOfMonth() + " " + d.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH));
        }
        return out;
    }

    /** One series of bars. */
    private static final class Series {
        final String name;
        final String rgb;
        final long[] values;

        Series(String name, String rgb, long[] values) {
            this.name = name;
            this.rgb = rgb;
            this.values = values;
        }
    }

    /** The SVG being written. */
    private final class Svg {
        private final StringBuilder sb = new StringBuilder(4096);

        Svg(String kind, String title) {
            sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-").append(kind)
                    .append("\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                    .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                    .append("\" font-family=\"sans-serif\" font-size=\"11\">");
            sb.append("<title>").append(Html.esc(title)).append("</title>");
            sb.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                    .append("\" fill=\"#FFFFFF\"/>");
            sb.append("<text class=\"chart-title\" x=\"").append(LEFT).append("\" y=\"18\" font-size=\"14\" font-weight=\"bold\">")
                    .append(Html.esc(title)).append("</text>");
        }

        void legend(List<Series> series) {
            double x = WIDTH - RIGHT;
            for (int i = series.size() - 1; i >= 0; i--) {
                Series s = series.get(i);
                double w = 16 + s.name.length() * (text.chinese ? 11 : 6.5) + 12;
                x -= w;
                sb.append("<rect class=\"chart-legend\" x=\"").append(num(x)).append("\" y=\"24\" width=\"10\" height=\"10\" fill=\"")
                        .append(s.rgb).append("\"/>");
                sb.append("<text class=\"chart-label\" x=\"").append(num(x + 14)).append("\" y=\"33\">").append(Html.esc(s.name)).append("</text>");
            }
        }

        void axis(long top, String unit) {
            double plotH = HEIGHT - TOP - BOTTOM;
            sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(TOP + plotH)).append("\" x2=\"")
                    .append(WIDTH - RIGHT).append("\" y2=\"").append(num(TOP + plotH)).append("\" stroke=\"#424242\"/>");
            int lines = top < 4 ? (int) top : 4;
            for (int i = 0; i <= lines; i++) {
                double y = TOP + plotH - plotH * i / lines;
                String v = text.number(top * i / lines) + unit;
                sb.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(num(y)).append("\" x2=\"").append(WIDTH - RIGHT)
                        .append("\" y2=\"").append(num(y)).append("\" stroke=\"#E0E0E0\"/>");
                sb.append("<text class=\"chart-label\" x=\"").append(LEFT - 4).append("\" y=\"").append(num(y + 4))
                        .append("\" text-anchor=\"end\">").append(Html.esc(v)).append("</text>");
            }
        }

        void rect(double x, double y, double w, double h, String rgb, String tip) {
            sb.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                    .append("\" height=\"").append(num(h)).append("\" fill=\"").append(rgb).append("\"><title>")
                    .append(Html.esc(tip)).append("</title></rect>");
        }

        void value(double x, double y, String v) {
            sb.append("<text class=\"chart-value\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                    .append("\" text-anchor=\"middle\" font-size=\"10\">").append(Html.esc(v)).append("</text>");
        }

        /** An x label, shortened with an ellipsis to fit {@code room} pixels; the full text in a tooltip. */
        void xLabel(double x, String label, double room) {
            int fits = Math.max(2, (int) (room / 7));
            String shown = label.codePointCount(0, label.length()) <= fits ? label
                    : label.substring(0, label.offsetByCodePoints(0, fits - 1)) + "…";
            sb.append("<text class=\"chart-x\" x=\"").append(num(x)).append("\" y=\"").append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\">").append(Html.esc(shown)).append("<title>")
                    .append(Html.esc(label)).append("</title></text>");
        }

        void noData() {
            sb.append("<text class=\"chart-empty\" x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#757575\">").append(Html.esc(text.get("chart.noData")))
                    .append("</text>");
        }

        String end() {
            return sb.append("</svg>").toString();
        }
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.equals("-0") ? "0" : s;
    }
}
