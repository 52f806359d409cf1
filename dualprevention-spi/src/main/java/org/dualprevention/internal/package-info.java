/** Helpers shared by the spi packages; not exported and not part of the API. */
@NullMarked
package org.dualprevention.internal;

import org.jspecify.annotations.NullMarked;
