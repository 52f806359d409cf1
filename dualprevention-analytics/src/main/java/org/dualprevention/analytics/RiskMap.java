package org.dualprevention.analytics;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.EffectiveLevel;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.organization.OrgUnit;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.MapZone;
import org.dualprevention.risk.MapZoneId;
import org.dualprevention.risk.RiskLevel;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;
import org.dualprevention.spi.EffectiveLevelPolicy;
import org.dualprevention.spi.LevelCombination;

/**
 * The four-colour risk map (风险四色分布图) as plain data, for hosts with their own UI: per zone, per
 * organisation unit (with sub-units) and per risk point, the assessed and effective level, the risk
 * points per colour, and the open and overdue hidden dangers, on one date. {@link SvgRiskMapRenderer}
 * draws it. A risk point's assessed level is that of the {@link LevelCombination} given to the builder
 * (the engine's rule); open and overdue are {@link HiddenDanger#isOpen()} and
 * {@link HiddenDanger#isOverdue(LocalDate)} on the map's date.
 *
 * <p>Built by {@link #builder(Organization, LocalDate, EffectiveLevelPolicy)}, which reads the risk points
 * and the hidden dangers once each. Only the open hidden dangers linked to an assessed risk point that the policy
 * {@linkplain EffectiveLevelPolicy#mayRaise may count} are kept (to give them to the effective-level policy, each
 * risk point's in the order read; a policy that does not override {@code mayRaise} is given every one); memory is
 * O(risk points + units + zones + open hidden dangers).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RiskMap {
    private final LocalDate date;
    private final List<ZoneStatus> zones;
    private final List<UnitStatus> units;
    private final List<PointStatus> points;
    private final Map<MapZoneId, ZoneStatus> zoneIndex;
    private final Map<OrgUnitId, UnitStatus> unitIndex;
    /** By the value of the id (a String's hash and equals; a record's go through method handles). */
    private final PointTable pointIndex;

    /**
     * A map of the builder's; {@code pointIndex} is the builder's own map of the risk points by the value of the id
     * (one entry per risk point, already hashed while building), handed over and never changed again.
     */
    private RiskMap(LocalDate date, List<ZoneStatus> zones, List<UnitStatus> units, List<PointStatus> points,
            PointTable pointIndex) {
        this.date = date;
        this.zones = List.copyOf(zones);
        this.units = List.copyOf(units);
        this.points = List.copyOf(points);
        // indexes built once and only read afterwards (not copied again: a map of 20,000 points is hashed once)
        this.zoneIndex = index(this.zones, z -> z.zone().id());
        this.unitIndex = index(this.units, UnitStatus::unit);
        this.pointIndex = pointIndex;
    }

    private static <K, V> Map<K, V> index(List<V> values, java.util.function.Function<V, K> key) {
        Map<K, V> m = new HashMap<>(values.size() * 4 / 3 + 1);
        for (V v : values) {
            m.put(key.apply(v), v);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * Starts a map.
     *
     * @param organization the organisation (units are summarised with their sub-units)
     * @param date the map's date, in the organisation's zone (overdue is judged on it)
     * @param policy the effective-level policy, e.g. the engine's default of DOMAIN.md §10.2
     * @return a builder
     */
    public static Builder builder(Organization organization, LocalDate date, EffectiveLevelPolicy policy) {
        return new Builder(organization, date, policy);
    }

    /** @return the map's date */
    public LocalDate date() {
        return date;
    }

    /** @return the zones, in the order given */
    public List<ZoneStatus> zones() {
        return zones;
    }

    /** @return every unit of the organisation, in its order */
    public List<UnitStatus> units() {
        return units;
    }

    /** @return the risk points, in the order given */
    public List<PointStatus> points() {
        return points;
    }

    /**
     * One zone.
     *
     * @param id the zone
     * @return its status, or empty
     */
    public Optional<ZoneStatus> zone(MapZoneId id) {
        return Optional.ofNullable(zoneIndex.get(id));
    }

    /**
     * One unit.
     *
     * @param id the unit
     * @return its status, or empty
     */
    public Optional<UnitStatus> unit(OrgUnitId id) {
        return Optional.ofNullable(unitIndex.get(id));
    }

    /**
     * One risk point.
     *
     * @param id the risk point
     * @return its status, or empty
     */
    public Optional<PointStatus> point(RiskPointId id) {
        return id == null ? Optional.empty() : Optional.ofNullable((PointStatus) pointIndex.get(id.value()));
    }

    @Override
    public String toString() {
        return "RiskMap[" + date + ": " + zones.size() + " zones, " + units.size() + " units, " + points.size()
                + " risk points]";
    }

    /**
     * Builds a {@link RiskMap}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Organization organization;
        private final LocalDate date;
        private final EffectiveLevelPolicy policy;
        private final List<MapZone> zones = new ArrayList<>();
        private final Map<MapZoneId, RiskLevel> zoneLevels = new HashMap<>();
        private Iterable<RiskPoint> riskPoints = List.of();
        private Iterable<HiddenDanger> dangers = List.of();
        private LevelCombination combination = LevelCombination.MOST_SEVERE;

        private Builder(Organization organization, LocalDate date, EffectiveLevelPolicy policy) {
            this.organization = Objects.requireNonNull(organization, "organization");
            this.date = Objects.requireNonNull(date, "date");
            this.policy = Objects.requireNonNull(policy, "policy");
        }

        /**
         * Sets the zones of the site plan.
         *
         * @param value the zones, ids unique
         * @return this builder
         */
        public Builder zones(Iterable<MapZone> value) {
            zones.clear();
            java.util.Set<MapZoneId> seen = new java.util.HashSet<>();
            for (MapZone z : value) {
                if (!seen.add(Objects.requireNonNull(z, "zone").id())) {
                    throw new IllegalArgumentException("MapZone [" + z.id() + "] is given twice");
                }
                zones.add(z);
            }
            return this;
        }

        /**
         * Gives a zone an assessed level of its own (for example from {@link EnterpriseZoneMatrix} or an
         * {@link AhpMethod} index), combined with its risk points' levels by the most severe.
         *
         * @param zone the zone
         * @param level its level
         * @return this builder
         */
        public Builder zoneLevel(MapZoneId zone, RiskLevel level) {
            zoneLevels.put(Objects.requireNonNull(zone, "zone"), Objects.requireNonNull(level, "level"));
            return this;
        }

        /**
         * Sets the risk points, read once when {@link #build()} runs.
         *
         * @param value the risk points
         * @return this builder
         */
        public Builder riskPoints(Iterable<RiskPoint> value) {
            this.riskPoints = Objects.requireNonNull(value, "riskPoints");
            return this;
        }

        /**
         * Sets the hidden dangers, read once when {@link #build()} runs; closed and withdrawn ones may be
         * included and are skipped.
         *
         * @param value the hidden dangers
         * @return this builder
         */
        public Builder dangers(Iterable<HiddenDanger> value) {
            this.dangers = Objects.requireNonNull(value, "dangers");
            return this;
        }

        /**
         * Sets the rule for a hazard's level from its current assessments (default
         * {@link LevelCombination#MOST_SEVERE}); pass the one the engine was built with. A risk point's
         * assessed level is {@link LevelCombination#levelOf(RiskPoint)}: the most severe of its hazards' levels.
         *
         * @param value the combination rule
         * @return this builder
         */
        public Builder levelCombination(LevelCombination value) {
            this.combination = Objects.requireNonNull(value, "combination");
            return this;
        }

        /**
         * Builds the map.
         *
         * @return the map
         * @throws IllegalArgumentException if a risk point names a zone that was not given
         */
        public RiskMap build() {
            // each zone's counters and its risk points in one entry, looked up once per risk point
            Map<MapZoneId, Acc> zoneAccs = new LinkedHashMap<>();
            // the same counters by the value of the zone's id, looked up once per risk point (a String's hash and
            // equals; a record's go through method handles)
            Map<String, Acc> zoneByValue = new HashMap<>();
            for (MapZone z : zones) {
                Acc a = new Acc();
                a.zonePoints = new ArrayList<>();
                RiskLevel own = zoneLevels.get(z.id());
                if (own != null) {
                    a.assessed = own;
                    a.effective = own;
                }
                zoneAccs.put(z.id(), a);
                zoneByValue.put(z.id().value(), a);
            }
            // the risk points in the order given; while their ids rise (a store pages by id) none can repeat and no
            // set of ids is needed, after the first that does not rise every id goes into one
            List<PointAcc> pts = new ArrayList<>();
            // the same by the value of the id, to group the open hidden dangers under the risk point they name; once
            // every risk point's status is made, each value is replaced by that status (replaceAll, no hashing again)
            // and the map becomes the map's index of its risk points
            PointTable pointsById = new PointTable();
            java.util.@Nullable Set<RiskPointId> seen = null;
            @Nullable RiskPointId previous = null;
            for (RiskPoint p : riskPoints) {
                @Nullable Acc zone = null;
                if (p.zone().isPresent()) {
                    zone = zoneByValue.get(p.zone().get().value());
                    if (zone == null) {
                        throw new IllegalArgumentException("risk point [" + p.id() + "] is in zone [" + p.zone().get()
                                + "], which is not on the map; zones: " + zoneAccs.keySet());
                    }
                }
                RiskPointId id = p.id();
                if (seen == null && previous != null && id.compareTo(previous) <= 0) {
                    seen = new java.util.HashSet<>();
                    for (PointAcc a : pts) {
                        seen.add(a.point.id());
                    }
                }
                if (seen != null && !seen.add(id)) {
                    throw new IllegalArgumentException("risk point [" + id + "] is given twice");
                }
                previous = id;
                PointAcc acc = new PointAcc(p, combination.levelOf(p), zone);
                pts.add(acc);
                pointsById.put(id.value(), acc);
            }
            Map<OrgUnitId, Acc> unitAccs = new LinkedHashMap<>();
            for (OrgUnit u : organization.units()) {
                unitAccs.put(u.id(), new Acc());
            }
            // units' counters and chains by the value of the unit's id, risk points' open hidden dangers by the value
            // of the risk point's id: a String's hash and equals, read once per hidden danger or risk point
            Map<String, Acc> ownByValue = new HashMap<>();
            Map<String, List<Acc>> chains = new HashMap<>();
            for (OrgUnit u : organization.units()) {
                List<Acc> chain = new ArrayList<>();
                for (OrgUnit a : organization.selfAndAncestors(u.id())) {
                    chain.add(unitAccs.get(a.id()));
                }
                chains.put(u.id().value(), chain);
                ownByValue.put(u.id().value(), Checks.present(unitAccs.get(u.id()), "counters of " + u.id()));
            }
            for (HiddenDanger d : dangers) {
                if (!d.isOpen()) {
                    continue;
                }
                boolean overdue = d.isOverdue(date);
                // counted in its own unit only; added up the tree once, below
                Acc own = ownByValue.get(d.unit().value());
                if (own != null) {
                    own.ownOpen++;
                    if (overdue) {
                        own.ownOverdue++;
                    }
                }
                Optional<RiskPointId> point = d.riskPoint();
                if (point.isPresent()) {
                    // grouped under the risk point named, found by its id's value among those given; those of a
                    // risk point not given are never read
                    Object found = pointsById.get(point.get().value());
                    if (found != null) {
                        PointAcc p = (PointAcc) found;
                        p.openCount++;
                        if (overdue) {
                            p.overdue++;
                        }
                        // kept for the policy only if the risk point is assessed (only those are evaluated) and the
                        // policy may count it (asked now, while the hidden danger is in the cache; a policy that
                        // does not say is given every one, as before EffectiveLevelPolicy.mayRaise existed)
                        if (p.assessed.isPresent() && policy.mayRaise(d, date)) {
                            List<HiddenDanger> open = p.open;
                            if (open == null) {
                                open = new ArrayList<>(2);
                                p.open = open;
                            }
                            open.add(d);
                        }
                    }
                }
            }
            unitAccs.forEach((id, own) -> {
                if (own.ownOpen > 0) {
                    for (Acc a : Checks.present(chains.get(id.value()), "chain of " + id)) {
                        a.open += own.ownOpen;
                        a.overdue += own.ownOverdue;
                    }
                }
            });
            List<PointStatus> pointStatuses = new ArrayList<>(pts.size());
            for (PointAcc p : pts) {
                RiskPoint rp = p.point;
                List<HiddenDanger> open = p.open == null ? List.of() : p.open;
                Optional<RiskLevel> effective = Optional.empty();
                List<EffectiveLevel.Reason> reasons = List.of();
                if (p.assessed.isPresent()) {
                    EffectiveLevel e = policy.evaluate(rp.id(), p.assessed.get(), open, date);
                    // the assessed level's own Optional when the level is not raised (most risk points), not a new one
                    effective = e.effective() == p.assessed.get() ? p.assessed : Optional.of(e.effective());
                    reasons = e.reasons();
                }
                PointStatus s = new PointStatus(rp.id(), rp.name(), rp.owningUnit(), rp.zone(), p.assessed, effective,
                        reasons, p.openCount, p.overdue);
                p.status = s;
                pointStatuses.add(s);
                for (Acc a : chains.getOrDefault(rp.owningUnit().value(), List.of())) {
                    a.addPoint(s, false);
                }
                Acc z = p.zone;
                if (z != null) {
                    z.addPoint(s, true);
                    Checks.present(z.zonePoints, "zone's risk points").add(rp.id());
                }
            }
            List<ZoneStatus> zoneStatuses = new ArrayList<>();
            for (MapZone z : zones) {
                Acc a = Checks.present(zoneAccs.get(z.id()), "zone " + z.id());
                zoneStatuses.add(new ZoneStatus(z, a.summary(), Checks.present(a.zonePoints, "zone's risk points")));
            }
            List<UnitStatus> unitStatuses = new ArrayList<>();
            unitAccs.forEach((id, a) -> unitStatuses.add(new UnitStatus(id, a.summary())));
            pointsById.replaceAll(acc -> {
                @Nullable PointStatus s = ((PointAcc) acc).status;
                if (s == null) {
                    throw new IllegalStateException("status of risk point [" + ((PointAcc) acc).point.id()
                            + "] is missing");
                }
                return s;
            });
            return new RiskMap(date, zoneStatuses, unitStatuses, pointStatuses, pointsById);
        }
    }

    /**
     * The risk points by the value of their id: open addressing with linear probing over three arrays (each key's hash,
     * the key, the value), at most half full. A look-up reads the hash array, then the key and the value of the slot
     * whose hash matches; a {@code HashMap} reads a node object first (one more cache miss per look-up, paid once per
     * open hidden danger of a risk map), and growing it reads every node again where this reads the hash array.
     * Used by one builder, then read only (by {@link RiskMap#point}); keys are never removed.
     *
     * <p>Ids are the host's, and strings with equal hashes are easy to make ("Aa" and "BB" hash alike, and so does
     * every string made of such blocks): probing would then walk one cluster per put, quadratic in the number of
     * risk points. A put that probes more than {@value #LONGEST_PROBE} slots moves every entry into a
     * {@code HashMap}, which keeps colliding strings in a tree, and the table answers from it from then on.
     */
    static final class PointTable {
        /** The longest probe before the table gives way to a {@code HashMap}; random ids never come near it. */
        static final int LONGEST_PROBE = 256;
        private int[] hashes = new int[64];
        private @Nullable String[] keys = new String[64];
        private @Nullable Object[] values = new Object[64];
        private int size;
        /** Once a probe was too long: every entry, and the arrays are no longer used. */
        private java.util.@Nullable HashMap<String, Object> map;

        /** 32 minus log2 of the arrays' length: a key's first slot is {@link #slot}. */
        private int shift = 26;

        /**
         * The first slot of a hash: its product with the golden ratio, top bits (Fibonacci hashing). Ids that differ
         * in their last characters ("RP-1" … "RP-99999") have nearby string hashes; masking their low bits would put
         * them in runs that merge into long probes, the product scatters them.
         */
        private int slot(int h) {
            return (h * 0x9E3779B9) >>> shift;
        }

        /** @return the value of the key, or null */
        @Nullable Object get(String key) {
            java.util.@Nullable HashMap<String, Object> m = map;
            if (m != null) {
                return m.get(key);
            }
            int h = key.hashCode();
            int mask = keys.length - 1;
            for (int i = slot(h);; i = (i + 1) & mask) {
                String k = keys[i];
                if (k == null) {
                    return null;
                }
                if (hashes[i] == h && (k == key || k.equals(key))) {
                    return values[i];
                }
            }
        }

        /** Sets the value of a key (replacing the value of an equal key). */
        void put(String key, Object value) {
            java.util.@Nullable HashMap<String, Object> m = map;
            if (m != null) {
                m.put(key, value);
                size = m.size();
                return;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int h = key.hashCode();
            int mask = keys.length - 1;
            for (int i = slot(h), probes = 0;; i = (i + 1) & mask, probes++) {
                if (probes > LONGEST_PROBE) {
                    java.util.HashMap<String, Object> all = toMap();
                    all.put(key, value);
                    size = all.size();
                    return;
                }
                String k = keys[i];
                if (k == null) {
                    hashes[i] = h;
                    keys[i] = key;
                    values[i] = value;
                    size++;
                    return;
                }
                if (hashes[i] == h && (k == key || k.equals(key))) {
                    values[i] = value;
                    return;
                }
            }
        }

        /** Doubles the arrays, placing every key again by its stored hash (no key is read). */
        private void grow() {
            int[] oldHashes = hashes;
            @Nullable String[] oldKeys = keys;
            @Nullable Object[] oldValues = values;
            int n = oldKeys.length * 2;
            hashes = new int[n];
            keys = new String[n];
            values = new Object[n];
            shift--;
            int mask = n - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                String k = oldKeys[j];
                if (k == null) {
                    continue;
                }
                int i = slot(oldHashes[j]);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }

        /** Replaces every value by the function's result for it. */
        void replaceAll(java.util.function.UnaryOperator<Object> f) {
            java.util.@Nullable HashMap<String, Object> m = map;
            if (m != null) {
                m.replaceAll((k, v) -> f.apply(Objects.requireNonNull(v, "value")));
                return;
            }
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    values[i] = f.apply(Objects.requireNonNull(values[i], "value"));
                }
            }
        }

        /** @return how many keys it holds */
        int size() {
            return size;
        }

        /** Moves every entry into a {@code HashMap} (in slot order) and answers from it from then on. */
        private java.util.HashMap<String, Object> toMap() {
            java.util.HashMap<String, Object> m = new java.util.HashMap<>(2 * size + 2);
            for (int i = 0; i < keys.length; i++) {
                String k = keys[i];
                if (k != null) {
                    m.put(k, Objects.requireNonNull(values[i], "value"));
                }
            }
            map = m;
            hashes = new int[0];
            keys = new String[0];
            values = new Object[0];
            return m;
        }

        /** Whether a too-long probe moved the entries into a {@code HashMap} (for tests). */
        boolean gaveWay() {
            return map != null;
        }
    }

    private static final class PointAcc {
        final RiskPoint point;
        final Optional<RiskLevel> assessed;
        /** The counters of its zone, null without a zone. */
        final @Nullable Acc zone;
        /**
         * The open hidden dangers naming it that the policy may count ({@link EffectiveLevelPolicy#mayRaise}), in the
         * order read; null while none (and always for a risk point not assessed, which is not evaluated).
         */
        @Nullable List<HiddenDanger> open;
        /** How many open hidden dangers name it. */
        long openCount;
        /** How many of them are overdue. */
        long overdue;
        /** Its status, once made. */
        @Nullable PointStatus status;

        PointAcc(RiskPoint point, Optional<RiskLevel> assessed, @Nullable Acc zone) {
            this.point = point;
            if (assessed == null) {
                // the message is made only when needed (not once per risk point)
                throw new NullPointerException("assessed level of " + point.id());
            }
            this.assessed = assessed;
            this.zone = zone;
        }
    }

    private static final class Acc {
        private static final RiskLevel[] LEVELS = RiskLevel.values();
        @Nullable RiskLevel assessed;
        @Nullable RiskLevel effective;
        long points;
        long notAssessed;
        /** A zone's risk points in the order given (null for a unit). */
        @Nullable List<RiskPointId> zonePoints;
        long open;
        long overdue;
        /** Open and overdue hidden dangers of a unit itself (not of its sub-units), before they are added up. */
        long ownOpen;
        long ownOverdue;
        /** Risk points per level, indexed by the level's ordinal. */
        final long[] byAssessed = new long[LEVELS.length];
        final long[] byEffective = new long[LEVELS.length];

        void addPoint(PointStatus s, boolean countDangers) {
            points++;
            if (s.assessed().isEmpty()) {
                notAssessed++;
            } else {
                assessed = assessed == null ? s.assessed().get() : RiskLevel.mostSevere(assessed, s.assessed().get());
                byAssessed[s.assessed().get().ordinal()]++;
            }
            if (s.effective().isPresent()) {
                effective = effective == null ? s.effective().get()
                        : RiskLevel.mostSevere(effective, s.effective().get());
                byEffective[s.effective().get().ordinal()]++;
            }
            if (countDangers) {
                open += s.openDangers();
                overdue += s.overdueDangers();
            }
        }

        LevelSummary summary() {
            return new LevelSummary(Optional.ofNullable(assessed), Optional.ofNullable(effective), points,
                    counts(byAssessed), counts(byEffective), notAssessed, open, overdue);
        }

        /** The levels counted at least once, as the map of a summary. */
        private static Map<RiskLevel, Long> counts(long[] byLevel) {
            Map<RiskLevel, Long> m = new EnumMap<>(RiskLevel.class);
            for (RiskLevel l : LEVELS) {
                if (byLevel[l.ordinal()] > 0) {
                    m.put(l, byLevel[l.ordinal()]);
                }
            }
            return m;
        }
    }
}
