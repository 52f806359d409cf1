package org.dualprevention.method;

import java.util.List;
import java.util.Objects;
import org.dualprevention.risk.Grade;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.risk.Score;
import org.dualprevention.spi.GradingScheme;

/**
 * Base of the {@link java.util.ServiceLoader} provider classes of the shipped schemes: each subclass
 * has a public no-argument constructor and presents one scheme of {@link BuiltInSchemes}. Only this
 * package can extend it.
 *
 * <p>Instances are immutable and thread-safe. Two instances are equal when they present equal schemes.
 *
 * @since 0.1
 */
public abstract class BuiltInScheme implements GradingScheme {
    private final GradingScheme definition;

    BuiltInScheme(GradingScheme definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
    }

    /**
     * The scheme as data: a {@link org.dualprevention.spi.support.BandedGradingScheme} or a
     * {@link org.dualprevention.spi.support.CellGradingScheme}, e.g. to read its bands or cells.
     *
     * @return the underlying scheme
     */
    public final GradingScheme definition() {
        return definition;
    }

    @Override
    public final SchemeId id() {
        return definition.id();
    }

    @Override
    public final String name() {
        return definition.name();
    }

    @Override
    public final String source() {
        return definition.source();
    }

    @Override
    public final MethodId method() {
        return definition.method();
    }

    @Override
    public final List<Grade> grades() {
        return definition.grades();
    }

    @Override
    public final Grade grade(Score score) {
        return definition.grade(score);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof BuiltInScheme && definition.equals(((BuiltInScheme) o).definition);
    }

    @Override
    public final int hashCode() {
        return definition.hashCode();
    }

    @Override
    public final String toString() {
        return definition.toString();
    }
}
