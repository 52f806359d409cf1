package org.dualprevention.hazmat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.internal.Checks;

/**
 * The data of the identification and grading of major hazard installations (DOMAIN.md §11): named
 * substances and hazard categories with their critical quantities Q and correction factors β, and the
 * α bands by population. Each value carries its source; the table carries its edition, so a stored
 * result can say which table it was computed from. The engine ships GB 18218-2018; a host may build its
 * own (a later edition, a provincial list) and pass it instead.
 *
 * <p>Construction checks that keys are unique within their basis and that the α bands cover every number
 * of people from 0 upwards without a gap or an overlap. This class is immutable and thread-safe.
 *
 * @since 0.2
 */
public final class CriticalQuantityTable {
    private final String edition;
    private final String source;
    private final Map<SubstanceRef, TableEntry> entries;
    private final List<AlphaBand> alphaBands;

    private CriticalQuantityTable(String edition, String source, List<TableEntry> rows, List<AlphaBand> bands) {
        this.edition = Checks.notBlank(edition, "edition");
        this.source = Checks.notBlank(source, "source");
        Map<SubstanceRef, TableEntry> map = new LinkedHashMap<>();
        for (TableEntry e : rows) {
            Checks.checkArgument(map.put(e.ref(), e) == null, "table [%s] lists [%s] twice", edition, e.ref());
        }
        this.entries = java.util.Collections.unmodifiableMap(map);
        List<AlphaBand> sorted = new ArrayList<>(bands);
        sorted.sort(Comparator.comparingInt(AlphaBand::minPeople));
        Checks.checkArgument(!sorted.isEmpty(), "table [%s] has no alpha band", edition);
        int next = 0;
        for (int i = 0; i < sorted.size(); i++) {
            AlphaBand b = sorted.get(i);
            Checks.checkArgument(b.minPeople() == next, "alpha bands of table [%s] must start at 0 and leave no gap"
                    + " or overlap: expected a band from [%s], found [%s]", edition, next, b.minPeople());
            boolean last = i == sorted.size() - 1;
            Checks.checkArgument(last == b.maxPeople().isEmpty(),
                    "only the last alpha band of table [%s] may be open-ended", edition);
            next = last ? next : b.maxPeople().getAsInt() + 1;
        }
        this.alphaBands = List.copyOf(sorted);
    }

    /**
     * A table from its rows and α bands.
     *
     * @param edition the edition, e.g. {@code GB 18218-2018}
     * @param source the documents the table is taken from
     * @param rows the named substances and hazard categories
     * @param bands the α bands, covering 0 people upwards
     * @return the table
     * @throws IllegalArgumentException if a key repeats or the bands leave a gap
     */
    public static CriticalQuantityTable of(String edition, String source, List<TableEntry> rows,
            List<AlphaBand> bands) {
        return new CriticalQuantityTable(edition, source, rows, bands);
    }

    /** @return the edition */
    public String edition() {
        return edition;
    }

    /** @return the documents the table is taken from */
    public String source() {
        return source;
    }

    /** @return every row, named substances and categories, in the order given */
    public List<TableEntry> entries() {
        return List.copyOf(entries.values());
    }

    /**
     * The rows of one basis.
     *
     * @param basis named or category
     * @return the rows
     */
    public List<TableEntry> entries(SubstanceRef.Basis basis) {
        Objects.requireNonNull(basis, "basis");
        return entries.values().stream().filter(e -> e.ref().basis() == basis).toList();
    }

    /**
     * The row of a reference.
     *
     * @param ref the reference
     * @return the row, or empty
     */
    public Optional<TableEntry> entry(SubstanceRef ref) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(ref, "ref")));
    }

    /** @return the α bands in ascending order of people */
    public List<AlphaBand> alphaBands() {
        return alphaBands;
    }

    /**
     * The α band for a number of people.
     *
     * @param people people within 500 m outside the site, 0 or more
     * @return the band
     * @throws IllegalArgumentException if {@code people} is negative
     */
    public AlphaBand alphaBand(int people) {
        Checks.checkArgument(people >= 0, "people [%s] must not be negative", people);
        for (AlphaBand b : alphaBands) {
            if (b.contains(people)) {
                return b;
            }
        }
        throw new IllegalStateException("alpha bands cover 0 upwards; checked at construction");
    }

    @Override
    public String toString() {
        return "CriticalQuantityTable[" + edition + ", " + entries.size() + " rows]";
    }
}
