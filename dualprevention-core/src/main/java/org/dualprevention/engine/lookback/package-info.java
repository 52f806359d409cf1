/**
 * Look-back re-checks (回头看, DOMAIN.md §10.4): the re-checks due for closed hidden dangers, recurrences
 * (反弹) and the early warning on the quality of rectification ({@link org.dualprevention.engine.lookback.LookBack},
 * pure functions), and the area that records results against storage
 * ({@link org.dualprevention.engine.lookback.LookBacks}).
 */
@NullMarked
package org.dualprevention.engine.lookback;

import org.jspecify.annotations.NullMarked;
