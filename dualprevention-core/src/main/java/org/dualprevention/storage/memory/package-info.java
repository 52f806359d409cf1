/**
 * The in-memory storage: {@link org.dualprevention.storage.memory.InMemoryStorage#create()}.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.storage.memory;

import org.jspecify.annotations.NullMarked;
