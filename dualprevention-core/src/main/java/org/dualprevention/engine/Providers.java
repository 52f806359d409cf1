package org.dualprevention.engine;

import java.util.List;
import org.dualprevention.UnknownProviderException;
import org.dualprevention.risk.MethodId;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;

/**
 * The assessment methods and grading schemes an engine knows, by id: those discovered through
 * {@link java.util.ServiceLoader} plus those registered by hand.
 *
 * <p>The library provides the implementation; a configured set of providers is consistent: ids are
 * unique, every scheme grades a known method, and every method's default scheme exists and grades it.
 * Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface Providers {
    /**
     * The method with the given id.
     *
     * @param id the id, e.g. {@code LEC}
     * @return the method
     * @throws UnknownProviderException if none has the id; its message lists the ids available
     */
    AssessmentMethod method(MethodId id);

    /**
     * The grading scheme with the given id.
     *
     * @param id the id, e.g. {@code LEC-V1}
     * @return the scheme
     * @throws UnknownProviderException if none has the id; its message lists the ids available
     */
    GradingScheme scheme(SchemeId id);

    /** @return the ids of every method, sorted */
    List<MethodId> methodIds();

    /** @return the ids of every grading scheme, sorted */
    List<SchemeId> schemeIds();

    /**
     * The grading schemes that grade one method.
     *
     * @param method a method id
     * @return the schemes, sorted by id; empty if none (or the method is unknown)
     */
    List<GradingScheme> schemesFor(MethodId method);
}
