package org.dualprevention.hazmat;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.OptionalInt;
import org.dualprevention.internal.Checks;

/**
 * One band of the correction factor α by the number of people normally living within 500 m outside the
 * site boundary (GB 18218-2018 表5; DOMAIN.md §11.2): from {@code minPeople} to {@code maxPeople}, both
 * inclusive (no upper bound when empty).
 *
 * @param minPeople the least number of people, 0 or more
 * @param maxPeople the largest number of people, empty for no bound
 * @param alpha α, greater than 0
 * @param source where the value comes from
 * @since 0.2
 */
public record AlphaBand(int minPeople, OptionalInt maxPeople, BigDecimal alpha, String source) {
    /** Validates the components. */
    public AlphaBand {
        Checks.checkArgument(minPeople >= 0, "minPeople [%s] must not be negative", minPeople);
        Objects.requireNonNull(maxPeople, "maxPeople");
        Checks.checkArgument(maxPeople.isEmpty() || maxPeople.getAsInt() >= minPeople,
                "maxPeople [%s] must not be below minPeople [%s]", maxPeople, minPeople);
        Objects.requireNonNull(alpha, "alpha");
        Checks.checkArgument(alpha.signum() > 0, "alpha must be > 0, was [%s]", alpha);
        Checks.notBlank(source, "source");
    }

    /**
     * Whether a number of people falls in this band.
     *
     * @param people the number
     * @return true if {@code minPeople <= people <= maxPeople}
     */
    public boolean contains(int people) {
        return people >= minPeople && (maxPeople.isEmpty() || people <= maxPeople.getAsInt());
    }
}
