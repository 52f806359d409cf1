/**
 * The loop back from hidden dangers to risk (DOMAIN.md §10.2): flagging a hazard for reassessment when
 * a hidden danger names its failed control measure, and the default effective (dynamic) level policy.
 * Pure functions over immutable values.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.engine.dynamic;

import org.jspecify.annotations.NullMarked;
