/**
 * Storage over plain JDBC. Start from {@link org.dualprevention.jdbc.JdbcStorage}: give it the host's
 * {@code DataSource} (the library runs its own short transactions), or bind the host's own
 * {@code Connection} inside the host's transaction (the library then never commits, rolls back or
 * closes it). {@link org.dualprevention.jdbc.Migrations} creates or upgrades the tables; the same SQL
 * files are in the jar for Flyway or Liquibase.
 *
 * <p>Collections returned are never {@code null}.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.jdbc;

import org.jspecify.annotations.NullMarked;
