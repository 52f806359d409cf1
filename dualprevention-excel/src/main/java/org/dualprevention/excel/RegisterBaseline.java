package org.dualprevention.excel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.dualprevention.risk.RiskPoint;
import org.dualprevention.risk.RiskPointId;

/**
 * The register an import replaces, so that the import can report what a hand edit changed. A lookup by id
 * (typically the storage's) and the ids it holds (iterated once at the end, for removed risk points).
 *
 * @param lookup finds the stored risk point by id
 * @param ids every stored risk point id
 * @since 0.1
 */
public record RegisterBaseline(Function<RiskPointId, Optional<RiskPoint>> lookup, Iterable<RiskPointId> ids) {
    /** Validates the components. */
    public RegisterBaseline {
        Objects.requireNonNull(lookup, "lookup");
        Objects.requireNonNull(ids, "ids");
    }

    private static final RegisterBaseline NONE = new RegisterBaseline(id -> Optional.empty(), List.of());

    /** @return no baseline: nothing is reported as changed (the same instance every time) */
    public static RegisterBaseline none() {
        return NONE;
    }

    /** @return whether this is {@link #none()}, against which nothing is reported */
    @SuppressWarnings("ReferenceEquality") // none() is one instance; an empty baseline of the host's is a real one
    boolean isNone() {
        return this == NONE;
    }

    /**
     * A baseline over risk points held in memory.
     *
     * @param riskPoints the current register
     * @return the baseline
     */
    public static RegisterBaseline of(Collection<RiskPoint> riskPoints) {
        Map<RiskPointId, RiskPoint> map = new LinkedHashMap<>();
        for (RiskPoint r : riskPoints) {
            map.put(r.id(), r);
        }
        Map<RiskPointId, RiskPoint> copy = Map.copyOf(map);
        return new RegisterBaseline(id -> Optional.ofNullable(copy.get(id)), List.copyOf(map.keySet()));
    }
}
