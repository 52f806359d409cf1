/**
 * Provider discovery and diagnostics of the engine. Not exported and not part of the API; only
 * {@code org.dualprevention.engine} uses it.
 */
@NullMarked
package org.dualprevention.engine.internal;

import org.jspecify.annotations.NullMarked;
