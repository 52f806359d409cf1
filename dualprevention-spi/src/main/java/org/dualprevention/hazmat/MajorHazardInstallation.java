package org.dualprevention.hazmat;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.internal.Checks;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.risk.RiskPointId;

/**
 * A production or storage unit holding dangerous chemicals (DOMAIN.md §11): its holdings, the number of
 * people normally living within 500 m outside the site (for α), and the risk points located on it.
 * Whether it is a major hazard and its grade are not stored here: the engine derives them from the
 * holdings and a {@link CriticalQuantityTable} ({@link MajorHazardStatus}).
 *
 * <p>An aggregate with a version, stored by a {@link org.dualprevention.spi.MajorHazardRepository}. This
 * class is immutable and thread-safe.
 *
 * @since 0.2
 */
public final class MajorHazardInstallation {
    private final InstallationId id;
    private final String name;
    private final UnitKind kind;
    private final OrgUnitId unit;
    private final List<Holding> holdings;
    private final int peopleWithin500m;
    private final List<RiskPointId> riskPoints;
    private final long version;

    private MajorHazardInstallation(InstallationId id, String name, UnitKind kind, OrgUnitId unit,
            List<Holding> holdings, int peopleWithin500m, List<RiskPointId> riskPoints, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Checks.notBlank(name, "name");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.holdings = List.copyOf(holdings);
        this.peopleWithin500m = peopleWithin500m;
        this.riskPoints = List.copyOf(riskPoints);
        Set<RiskPointId> seen = new HashSet<>();
        for (RiskPointId r : this.riskPoints) {
            Checks.checkArgument(seen.add(r), "installation [%s] lists risk point [%s] twice", id, r);
        }
        Checks.checkArgument(version >= 0, "version [%s] must not be negative", version);
        this.version = version;
    }

    /**
     * A new installation, version 0. Holdings and the population are checked by the engine against its
     * table when the installation is registered.
     *
     * @param id the id
     * @param name the name, e.g. 罐区
     * @param kind production or storage unit
     * @param unit the organisation unit that runs it
     * @param holdings the dangerous chemicals held
     * @param peopleWithin500m people normally living within 500 m outside the site boundary
     * @param riskPoints the risk points on the installation
     * @return the installation
     */
    public static MajorHazardInstallation of(InstallationId id, String name, UnitKind kind, OrgUnitId unit,
            List<Holding> holdings, int peopleWithin500m, List<RiskPointId> riskPoints) {
        return new MajorHazardInstallation(id, name, kind, unit, holdings, peopleWithin500m, riskPoints, 0);
    }

    /** @return the id */
    public InstallationId id() {
        return id;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return production or storage unit */
    public UnitKind kind() {
        return kind;
    }

    /** @return the organisation unit that runs it */
    public OrgUnitId unit() {
        return unit;
    }

    /** @return the dangerous chemicals held, in the order given */
    public List<Holding> holdings() {
        return holdings;
    }

    /** @return the people normally living within 500 m outside the site boundary */
    public int peopleWithin500m() {
        return peopleWithin500m;
    }

    /** @return the risk points located on the installation */
    public List<RiskPointId> riskPoints() {
        return riskPoints;
    }

    /** @return the version, 0 before it is first stored */
    public long version() {
        return version;
    }

    /**
     * A copy with other holdings.
     *
     * @param newHoldings the holdings
     * @return the copy, same version
     */
    public MajorHazardInstallation withHoldings(List<Holding> newHoldings) {
        return new MajorHazardInstallation(id, name, kind, unit, newHoldings, peopleWithin500m, riskPoints, version);
    }

    /**
     * A copy with another population count.
     *
     * @param people people within 500 m outside the site
     * @return the copy, same version
     */
    public MajorHazardInstallation withPeopleWithin500m(int people) {
        return new MajorHazardInstallation(id, name, kind, unit, holdings, people, riskPoints, version);
    }

    /**
     * A copy with other risk points.
     *
     * @param points the risk points on the installation
     * @return the copy, same version
     */
    public MajorHazardInstallation withRiskPoints(List<RiskPointId> points) {
        return new MajorHazardInstallation(id, name, kind, unit, holdings, peopleWithin500m, points, version);
    }

    /**
     * A copy with another version.
     *
     * @param newVersion the version
     * @return the copy
     */
    public MajorHazardInstallation withVersion(long newVersion) {
        return new MajorHazardInstallation(id, name, kind, unit, holdings, peopleWithin500m, riskPoints, newVersion);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MajorHazardInstallation m && id.equals(m.id) && name.equals(m.name) && kind == m.kind
                && unit.equals(m.unit) && holdings.equals(m.holdings) && peopleWithin500m == m.peopleWithin500m
                && riskPoints.equals(m.riskPoints) && version == m.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, kind, unit, holdings, peopleWithin500m, riskPoints, version);
    }

    @Override
    public String toString() {
        return "MajorHazardInstallation[" + id + " " + name + " v" + version + "]";
    }
}
