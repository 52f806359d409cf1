package org.dualprevention.spring.boot.autoconfigure;

import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code dualprevention.*} properties.
 *
 * <pre>{@code
 * dualprevention.zone=Asia/Shanghai
 * dualprevention.separation-of-duties=true
 * dualprevention.discover=true
 * dualprevention.jdbc.migration=migrate
 * }</pre>
 *
 * @since 0.2
 */
@ConfigurationProperties(prefix = "dualprevention")
public class DualPreventionProperties {

    /**
     * The organisation's time zone: deadlines, "today" and calendar periods are taken in it. Defaults to the
     * clock's zone (the JVM's default zone unless the application defines a {@code Clock} bean).
     */
    private @Nullable ZoneId zone;

    /**
     * Whether the closed loop refuses an acceptance by the person who rectified (separation of duties).
     */
    private boolean separationOfDuties = true;

    /**
     * Whether assessment methods and grading schemes on the class path are discovered with ServiceLoader, besides
     * the application's beans of those types.
     */
    private boolean discover = true;

    /**
     * The latest checkpoint of the audit chains that the organisation keeps outside the database (its printed form,
     * {@code dualprevention-checkpoint/1 asOf=… count=… root=…}, e.g. from last month's report). When set, the health
     * indicator verifies the store against it: a rolled-back, truncated, deleted or rehashed history since then makes
     * the application DOWN.
     */
    private @Nullable String checkpoint;

    private final Jdbc jdbc = new Jdbc();

    private final LookBack lookBack = new LookBack();

    /** @return the look-back re-check properties */
    public LookBack getLookBack() {
        return lookBack;
    }

    /**
     * The {@code dualprevention.look-back.*} properties: when closed hidden dangers are re-checked (回头看) and how
     * long a new one at the same place counts as a recurrence. They make the {@code RecheckPeriods} bean a host
     * passes to {@code LookBacks.of(..)}; unset, the library's defaults apply (DOMAIN.md §10.4).
     *
     * @since 0.2
     */
    public static class LookBack {
        /** Days after closing at which a general hidden danger is re-checked (increasing; empty for none). */
        private java.util.List<Integer> generalDays = new java.util.ArrayList<>(
                org.dualprevention.lookback.RecheckPeriods.defaults().days(
                        org.dualprevention.danger.HiddenDangerGrade.GENERAL));
        /** Days after closing at which a major hidden danger is re-checked (increasing; empty for none). */
        private java.util.List<Integer> majorDays = new java.util.ArrayList<>(
                org.dualprevention.lookback.RecheckPeriods.defaults().days(
                        org.dualprevention.danger.HiddenDangerGrade.MAJOR));
        /** Days after closing within which a new hidden danger at the same place counts as a recurrence (反弹). */
        private int recurrenceWindowDays = org.dualprevention.lookback.RecheckPeriods.defaults().recurrenceWindowDays();

        /** @return the general grade's re-check days */
        public java.util.List<Integer> getGeneralDays() {
            return generalDays;
        }

        /** @param generalDays the general grade's re-check days */
        public void setGeneralDays(java.util.List<Integer> generalDays) {
            this.generalDays = generalDays;
        }

        /** @return the major grade's re-check days */
        public java.util.List<Integer> getMajorDays() {
            return majorDays;
        }

        /** @param majorDays the major grade's re-check days */
        public void setMajorDays(java.util.List<Integer> majorDays) {
            this.majorDays = majorDays;
        }

        /** @return the recurrence window in days */
        public int getRecurrenceWindowDays() {
            return recurrenceWindowDays;
        }

        /** @param recurrenceWindowDays the recurrence window in days */
        public void setRecurrenceWindowDays(int recurrenceWindowDays) {
            this.recurrenceWindowDays = recurrenceWindowDays;
        }

        /**
         * The periods these properties give.
         *
         * @return the periods
         * @throws IllegalArgumentException naming the bad value, if days are not positive and increasing or the
         *     window is not positive
         */
        public org.dualprevention.lookback.RecheckPeriods toPeriods() {
            return org.dualprevention.lookback.RecheckPeriods.of(java.util.Map.of(
                    org.dualprevention.danger.HiddenDangerGrade.GENERAL, java.util.List.copyOf(generalDays),
                    org.dualprevention.danger.HiddenDangerGrade.MAJOR, java.util.List.copyOf(majorDays)),
                    recurrenceWindowDays, "dualprevention.look-back.* properties");
        }
    }

    /** @return the latest checkpoint kept outside the store, if set */
    public @Nullable String getCheckpoint() {
        return checkpoint;
    }

    /** @param checkpoint the latest checkpoint kept outside the store, in its printed form */
    public void setCheckpoint(@Nullable String checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** @return the zone, if set */
    public @Nullable ZoneId getZone() {
        return zone;
    }

    /** @param zone the organisation's zone */
    public void setZone(@Nullable ZoneId zone) {
        this.zone = zone;
    }

    /** @return whether separation of duties is enforced */
    public boolean isSeparationOfDuties() {
        return separationOfDuties;
    }

    /** @param separationOfDuties whether separation of duties is enforced */
    public void setSeparationOfDuties(boolean separationOfDuties) {
        this.separationOfDuties = separationOfDuties;
    }

    /** @return whether providers are discovered */
    public boolean isDiscover() {
        return discover;
    }

    /** @param discover whether providers are discovered */
    public void setDiscover(boolean discover) {
        this.discover = discover;
    }

    /** @return the JDBC storage's properties */
    public Jdbc getJdbc() {
        return jdbc;
    }

    /**
     * The {@code dualprevention.jdbc.*} properties.
     *
     * @since 0.2
     */
    public static class Jdbc {
        /**
         * What happens to the library's tables at start: {@code migrate} creates or upgrades them,
         * {@code validate} only checks they are at the version this library needs, {@code none} leaves them to the
         * application (Flyway, Liquibase or a DBA running the scripts of {@code Migrations.scripts(dialect)}).
         */
        private MigrationMode migration = MigrationMode.MIGRATE;

        /** @return the migration mode */
        public MigrationMode getMigration() {
            return migration;
        }

        /** @param migration the migration mode */
        public void setMigration(MigrationMode migration) {
            this.migration = migration;
        }
    }

    /**
     * What the storage does with its tables at start.
     *
     * @since 0.2
     */
    public enum MigrationMode {
        /** Create or upgrade the tables (the library's crash-safe migrations). */
        MIGRATE,
        /** Check the tables are at the version this library needs; fail at start otherwise. */
        VALIDATE,
        /** Leave the tables to the application's own migration tool. */
        NONE
    }
}
