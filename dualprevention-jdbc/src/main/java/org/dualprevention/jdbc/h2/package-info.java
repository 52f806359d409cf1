/**
 * The H2 trigger that makes the audit table append-only. Exported to H2 only, which instantiates it by name.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.jdbc.h2;

import org.jspecify.annotations.NullMarked;
