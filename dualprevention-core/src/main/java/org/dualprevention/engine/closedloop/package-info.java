/**
 * Runs closed-loop commands with the access policy: the transition table first, then the
 * {@link org.dualprevention.spi.AccessPolicy}, then the hidden danger's own guards. Storage and listener
 * dispatch are the facade's.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.engine.closedloop;

import org.jspecify.annotations.NullMarked;
