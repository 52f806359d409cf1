/**
 * Look-back re-checks of closed hidden dangers (回头看, DOMAIN.md §10.4): the model only. A closed hidden
 * danger is re-checked ({@link org.dualprevention.lookback.Recheck}) at its risk point after the periods of
 * {@link org.dualprevention.lookback.RecheckPeriods}; a failed re-check, or a new hidden danger at the same
 * risk point on the same control measure or hazard category within the window, is a
 * {@link org.dualprevention.lookback.Recurrence} (反弹) of the earlier one.
 */
@NullMarked
package org.dualprevention.lookback;

import org.jspecify.annotations.NullMarked;
