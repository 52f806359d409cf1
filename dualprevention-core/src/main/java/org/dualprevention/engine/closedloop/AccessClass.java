package org.dualprevention.engine.closedloop;

import java.util.Objects;

/**
 * Who may take an action of the closed loop, as the default access policy ({@link OrganizationAccessPolicy})
 * reads it: how far the actor's unit may be from the hidden danger's unit, and whether a major hidden danger
 * needs an actor at the major control level (DOMAIN.md §4.3, §5.2). Each action's definition holds its access
 * class; {@link TransitionTable.Row#access()} shows it.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param reach how far the actor's unit may be from the hidden danger's unit
 * @param majorLevelForMajor whether a major hidden danger (graded major, or being graded major by the command)
 *     needs an actor at the major level or above
 * @since 0.1
 */
public record AccessClass(Reach reach, boolean majorLevelForMajor) {
    /** Reporting: anyone in the organisation (every employee may report, 随手拍). */
    static final AccessClass ANYONE = new AccessClass(Reach.ANYONE, false);
    /** Work on the rectification that needs no particular level even for a major one. */
    static final AccessClass WORKER = new AccessClass(Reach.LINE, false);
    /** Work on the rectification that, for a major one, needs the major level. */
    static final AccessClass WORKER_MAJOR_LEVEL = new AccessClass(Reach.LINE, true);
    /** Decisions of the unit responsible or a higher one; for a major one, at the major level. */
    static final AccessClass RESPONSIBLE = new AccessClass(Reach.UNIT_OR_ABOVE, true);

    /** Checks the components. */
    public AccessClass {
        Objects.requireNonNull(reach, "reach");
    }

    /**
     * The access class in words, for the documentation.
     *
     * @return e.g. "its unit or above; if major, at the major level (default company)"
     */
    public String describe() {
        return reach.description() + (majorLevelForMajor ? "; if major, at the major level (default company)" : "");
    }

    /**
     * How far the actor's unit may be from the hidden danger's unit.
     *
     * @since 0.1
     */
    public enum Reach {
        /** Any unit of the organisation: a report has no hidden danger yet. */
        ANYONE("anyone in the organisation", "in"),
        /** The hidden danger's unit, a unit above it or a unit below it: the people who do the work. */
        LINE("its unit, above or below it", "in the line of"),
        /** The hidden danger's unit or a unit above it: the unit responsible, or a higher one. */
        UNIT_OR_ABOVE("its unit or above", "at or above");

        private final String description;
        private final String relation;

        Reach(String description, String relation) {
            this.description = description;
            this.relation = relation;
        }

        /**
         * Whether an actor's unit placed so is within reach.
         *
         * @param above whether the actor's unit is the hidden danger's unit or above it
         * @param below whether the actor's unit is the hidden danger's unit or below it
         * @return whether it may act
         */
        public boolean allows(boolean above, boolean below) {
            switch (this) {
                case ANYONE:
                    return true;
                case LINE:
                    return above || below;
                default:
                    return above;
            }
        }

        /** @return the reach in words, for the documentation */
        public String description() {
            return description;
        }

        /** @return the relation a refusal names, e.g. "at or above" (the hidden danger's unit) */
        public String relation() {
            return relation;
        }
    }
}
