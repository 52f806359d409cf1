/**
 * Internals of the JDBC storage: transactions, SQL and row mapping. Not exported.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.jdbc.internal;

import org.jspecify.annotations.NullMarked;
