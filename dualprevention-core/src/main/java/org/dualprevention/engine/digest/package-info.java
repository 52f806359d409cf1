/**
 * Digests shared by the engine and the modules built on it: {@link org.dualprevention.engine.digest.Sha256}.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.engine.digest;

import org.jspecify.annotations.NullMarked;
