package org.dualprevention.organization;

import java.util.Locale;
import java.util.Objects;
import org.dualprevention.internal.Labels;

/**
 * An organisational control level (管控层级) such as company, department, workshop, team or post.
 *
 * <p>Levels are ordered by {@link #rank()}: 0 is the top (company), larger ranks are lower levels.
 * The five built-in levels follow DOMAIN.md §4.3; an enterprise may add levels (e.g. a coal mine's
 * 矿、专业、区队、班组、岗位) or merge them by using only some of them, through {@link #of(String, int)}.
 * Two levels are equal when code and rank are equal.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param code the stable code, lower-case letters, digits and hyphens
 * @param rank the position from the top, 0 = highest
 * @since 0.1
 */
public record ControlLevel(String code, int rank) implements Comparable<ControlLevel> {
    /** 公司级: the company, controlled by its principal. */
    public static final ControlLevel COMPANY = new ControlLevel("company", 0);
    /** 部门级: a functional department. */
    public static final ControlLevel DEPARTMENT = new ControlLevel("department", 1);
    /** 车间级: a workshop or plant section. */
    public static final ControlLevel WORKSHOP = new ControlLevel("workshop", 2);
    /** 班组级: a team or shift. */
    public static final ControlLevel TEAM = new ControlLevel("team", 3);
    /** 岗位级: a single post. */
    public static final ControlLevel POST = new ControlLevel("post", 4);

    /** Validates code and rank. */
    public ControlLevel {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("ControlLevel code [" + code
                    + "] is not allowed; allowed: 1-40 lower-case letters, digits and hyphens");
        }
        if (rank < 0 || rank > 99) {
            throw new IllegalArgumentException("ControlLevel rank [" + rank + "] is not allowed; allowed: 0 to 99");
        }
    }

    /**
     * A level of the host's own hierarchy.
     *
     * @param code stable code
     * @param rank position from the top, 0 = highest
     * @return the level
     */
    public static ControlLevel of(String code, int rank) {
        return new ControlLevel(code, rank);
    }

    /**
     * Whether this level is above {@code other} (closer to the company).
     *
     * @param other another level
     * @return true if this rank is smaller
     */
    public boolean isAbove(ControlLevel other) {
        return rank < other.rank;
    }

    /** Orders from the top level down. */
    @Override
    public int compareTo(ControlLevel other) {
        int c = Integer.compare(rank, other.rank);
        return c != 0 ? c : code.compareTo(other.code);
    }

    /**
     * The label in the given locale, e.g. "公司级"; the code for levels without a label.
     *
     * @param locale the locale
     * @return the label
     */
    public String displayName(Locale locale) {
        return Labels.label("ControlLevel." + code, locale, code);
    }

    @Override
    public String toString() {
        return code;
    }
}
