/**
 * The engine's entry point and public services: {@link org.dualprevention.engine.DualPrevention}, which an
 * embedder builds once and which hands out its areas ({@link org.dualprevention.engine.RiskRegister},
 * {@link org.dualprevention.engine.HiddenDangers}, {@link org.dualprevention.engine.Inspections}); looking up
 * providers ({@link org.dualprevention.engine.Providers}),
 * assessing hazards ({@link org.dualprevention.engine.Assessor}) and graded control (分级管控,
 * {@link org.dualprevention.engine.GradedControl}).
 *
 * <p>Values here are immutable; collections returned are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.engine;

import org.jspecify.annotations.NullMarked;
