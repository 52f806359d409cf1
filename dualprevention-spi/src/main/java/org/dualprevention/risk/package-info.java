/**
 * The first firewall: risk points (风险点), hazards, control measures and assessments (风险分级管控).
 *
 * <p>Values here are immutable; collections returned are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.risk;

import org.jspecify.annotations.NullMarked;
