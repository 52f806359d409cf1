package org.dualprevention.jdbc;

import java.util.HashMap;
import java.util.Map;

/**
 * The hidden-danger counts of one period (统计期) over a set of units, read from the counters the store keeps in the
 * transaction of each save ({@link JdbcStorage.Builder#keepTallies}), so that reading them does not scan the hidden
 * dangers. Each is a plain count, summed over the units asked for; the rates (整改率, 销号率, 按期整改率 …) are the
 * quotients of these counts as the analytics module's {@code Statistics} defines them.
 *
 * <p>For a period [first, last] read as of a day A (today, or the last day once it has passed), a hidden danger
 * reported on r, rectified on q, closed on c, with the deadline d:
 *
 * @param found hidden dangers reported in [first, A], not withdrawn (发现隐患数)
 * @param withdrawn hidden dangers reported in [first, A] and withdrawn as not hidden dangers
 * @param majorPlanned major hidden dangers among {@code found} with a rectification plan (重大隐患 “五落实” 方案)
 * @param rectified among {@code found}, those rectified (or closed) by A
 * @param rectifiedByGrade {@code rectified} per grade code
 * @param closed among {@code found}, those closed (销号) by A
 * @param closedFirstPass among {@code closed}, those accepted without a refusal
 * @param onTimeDue hidden dangers (not withdrawn) with a deadline in the period, reported by A, whose deadline has
 *     passed by A or which are closed by A
 * @param onTime among {@code onTimeDue}, those closed by their deadline
 * @param overdueOpen hidden dangers open on A past their deadline (any period)
 * @param closedInPeriod hidden dangers closed in [first, A]
 * @param daysToCloseSum the days from report to closing, summed over {@code closedInPeriod}
 * @param foundByGrade {@code found} per grade code ({@code general}, {@code major}, {@code ungraded} …)
 * @param foundBySource {@code found} per source code
 * @param foundByAccidentType {@code found} per accident type code ({@code 01} …) of the hazard the hidden danger names
 *     on its risk point's current version (a hidden danger counts once under each of the hazard's types)
 * @param foundByHazardClass {@code found} per hazard class code ({@code 11}, {@code 21} …) of that hazard
 * @param foundByControlLevel {@code found} per control level code: the failed measure's level on the risk point's
 *     current version, else the level of the hidden danger's own unit; a read over a set of units
 *     ({@code JdbcStorage.tallies}, {@code talliesOfAll}) does not know the units' levels and gives those counts
 *     under {@link #UNIT_LEVEL}, a read of a unit with its sub-units ({@code JdbcStorage.talliesOf}) resolves them
 * @since 0.2
 */
public record PeriodTally(long found, long withdrawn, long majorPlanned, long rectified, Map<String, Long> rectifiedByGrade,
        long closed, long closedFirstPass, long onTimeDue, long onTime, long overdueOpen, long closedInPeriod,
        long daysToCloseSum, Map<String, Long> foundByGrade, Map<String, Long> foundBySource,
        Map<String, Long> foundByAccidentType, Map<String, Long> foundByHazardClass, Map<String, Long> foundByControlLevel) {
    /** No hidden danger. */
    public static final PeriodTally EMPTY = new PeriodTally(0, 0, 0, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());

    /**
     * The key of {@link #foundByControlLevel} for hidden dangers counted at their own unit's level, in a read that
     * does not resolve the units' levels (no control level code is empty).
     */
    public static final String UNIT_LEVEL = "";

    /**
     * Copies the maps.
     *
     * @param found see the record
     * @param withdrawn see the record
     * @param majorPlanned see the record
     * @param rectified see the record
     * @param rectifiedByGrade see the record
     * @param closed see the record
     * @param closedFirstPass see the record
     * @param onTimeDue see the record
     * @param onTime see the record
     * @param overdueOpen see the record
     * @param closedInPeriod see the record
     * @param daysToCloseSum see the record
     * @param foundByGrade see the record
     * @param foundBySource see the record
     * @param foundByAccidentType see the record
     * @param foundByHazardClass see the record
     * @param foundByControlLevel see the record
     */
    public PeriodTally {
        rectifiedByGrade = Map.copyOf(rectifiedByGrade);
        foundByGrade = Map.copyOf(foundByGrade);
        foundBySource = Map.copyOf(foundBySource);
        foundByAccidentType = Map.copyOf(foundByAccidentType);
        foundByHazardClass = Map.copyOf(foundByHazardClass);
        foundByControlLevel = Map.copyOf(foundByControlLevel);
    }

    /**
     * The counts of schema version 7, without the breakdowns by accident type, hazard class and control level
     * (empty).
     *
     * @param found see the record
     * @param withdrawn see the record
     * @param majorPlanned see the record
     * @param rectified see the record
     * @param rectifiedByGrade see the record
     * @param closed see the record
     * @param closedFirstPass see the record
     * @param onTimeDue see the record
     * @param onTime see the record
     * @param overdueOpen see the record
     * @param closedInPeriod see the record
     * @param daysToCloseSum see the record
     * @param foundByGrade see the record
     * @param foundBySource see the record
     */
    public PeriodTally(long found, long withdrawn, long majorPlanned, long rectified, Map<String, Long> rectifiedByGrade,
            long closed, long closedFirstPass, long onTimeDue, long onTime, long overdueOpen, long closedInPeriod,
            long daysToCloseSum, Map<String, Long> foundByGrade, Map<String, Long> foundBySource) {
        this(found, withdrawn, majorPlanned, rectified, rectifiedByGrade, closed, closedFirstPass, onTimeDue, onTime,
                overdueOpen, closedInPeriod, daysToCloseSum, foundByGrade, foundBySource, Map.of(), Map.of(), Map.of());
    }

    /** @return major hidden dangers among {@code found} (重大隐患数) */
    public long majorFound() {
        return foundByGrade.getOrDefault("major", 0L);
    }

    /**
     * Builds the tally from the sums the storage read: metric → dim → {count, sum} (the keys of
     * {@code dp_danger_tally}, migrations V7 and V8). Counts of 0 are left out of the maps.
     *
     * @param sums the sums
     * @return the tally
     */
    public static PeriodTally of(Map<String, Map<String, long[]>> sums) {
        Map<String, Long> byGrade = new HashMap<>();
        Map<String, Long> bySource = new HashMap<>();
        Map<String, Long> byAccident = new HashMap<>();
        Map<String, Long> byClass = new HashMap<>();
        Map<String, Long> byLevel = new HashMap<>();
        long found = 0;
        long planned = 0;
        for (Map.Entry<String, long[]> e : sums.getOrDefault("found", Map.of()).entrySet()) {
            long n = e.getValue()[0];
            if (n == 0) {
                continue;
            }
            if (e.getKey().startsWith("g:")) {
                byGrade.put(e.getKey().substring(2), n);
                found += n;
            } else if (e.getKey().startsWith("s:")) {
                bySource.put(e.getKey().substring(2), n);
            } else if (e.getKey().equals("planned-major")) {
                planned = n;
            } else if (e.getKey().startsWith("a:")) {
                byAccident.put(e.getKey().substring(2), n);
            } else if (e.getKey().startsWith("h:")) {
                byClass.put(e.getKey().substring(2), n);
            } else if (e.getKey().startsWith("l:")) {
                byLevel.put(e.getKey().substring(2), n);
            }
        }
        Map<String, Long> rectByGrade = new HashMap<>();
        long rectified = 0;
        for (Map.Entry<String, long[]> e : sums.getOrDefault("rectified", Map.of()).entrySet()) {
            long n = e.getValue()[0];
            if (n != 0) {
                rectByGrade.put(e.getKey().substring(2), n);
                rectified += n;
            }
        }
        long[] closedIn = get(sums, "closedin", "");
        return new PeriodTally(found, get(sums, "withdrawn", "")[0], planned, rectified, rectByGrade,
                get(sums, "closed", "")[0], get(sums, "closed", "first")[0], get(sums, "ontime", "due")[0],
                get(sums, "ontime", "on-time")[0], get(sums, "overdue", "")[0], closedIn[0], closedIn[1], byGrade, bySource,
                byAccident, byClass, byLevel);
    }

    private static long[] get(Map<String, Map<String, long[]>> sums, String metric, String dim) {
        return sums.getOrDefault(metric, Map.of()).getOrDefault(dim, new long[2]);
    }
}
