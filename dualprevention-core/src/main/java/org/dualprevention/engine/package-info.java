/**
 * The engine's public services: looking up providers ({@link org.dualprevention.engine.Providers}),
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
