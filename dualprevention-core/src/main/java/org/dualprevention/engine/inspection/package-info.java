/**
 * Inspection scheduling: routine cadence per control level (DOMAIN.md §10.1), the cascade of controlled
 * items, and deterministic task generation from plans.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.engine.inspection;

import org.jspecify.annotations.NullMarked;
