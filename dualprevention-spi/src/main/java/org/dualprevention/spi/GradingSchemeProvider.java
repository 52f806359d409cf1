package org.dualprevention.spi;

import java.util.List;

/**
 * Contributes several grading schemes through one provider class, so that a plug-in with a family of
 * schemes (for example one per provincial standard, each built as data with
 * {@link org.dualprevention.spi.support.BandedGradingScheme} or
 * {@link org.dualprevention.spi.support.CellGradingScheme}) does not need one class per scheme.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #schemes()} returns a non-empty, immutable list without {@code null} elements.</li>
 *   <li>The ids of the schemes in the list are distinct.</li>
 *   <li>The list is stable: every call, on this instance or on any other instance of the class, returns
 *       schemes with the same ids in the same order, each grading as before.</li>
 *   <li>Every scheme meets the {@link GradingScheme} contract.</li>
 *   <li>Implementations are immutable and thread-safe and, to be discovered, have a public no-argument
 *       constructor.</li>
 * </ul>
 * The testkit's {@code GradingSchemeProviderContract} checks all of this, including every scheme against
 * the scheme contract.
 *
 * <h2>Registration</h2>
 * Discovered by {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.dualprevention.spi.GradingSchemeProvider} (class path) and declare
 * {@code provides org.dualprevention.spi.GradingSchemeProvider with …;} (module path). Or register an
 * instance explicitly on the engine's builder. The engine treats each contributed scheme exactly like a
 * scheme registered on its own: its id must be unique among all schemes from every source, the built-in
 * ids are reserved, and it must grade a registered method. A configuration error about a contributed
 * scheme names the provider class that contributed it and where that class was loaded from.
 *
 * <h2>One scheme or several</h2>
 * A {@link GradingScheme} with a public no-argument constructor can still be registered on its own under
 * the service {@code org.dualprevention.spi.GradingScheme}; the engine discovers both services, and both
 * stay supported. That is the simplest choice for a plug-in with a single scheme. Use a provider when a
 * plug-in has several schemes, or when its schemes are built from data rather than written as classes.
 * The engine's own schemes come from one provider.
 *
 * @since 0.1
 */
public interface GradingSchemeProvider {
    /**
     * The schemes this provider contributes.
     *
     * @return a non-empty, immutable list with distinct ids, the same on every call
     */
    List<GradingScheme> schemes();
}
