/**
 * The second firewall: hidden dangers (隐患排查治理) as a model — the aggregate
 * {@link org.dualprevention.danger.HiddenDanger} with the groups of facts its closed loop fills in
 * ({@link org.dualprevention.danger.Finding}, {@link org.dualprevention.danger.Grading},
 * {@link org.dualprevention.danger.Planning}, {@link org.dualprevention.danger.Rectification},
 * {@link org.dualprevention.danger.Acceptance}, {@link org.dualprevention.danger.Withdrawal}), its states and
 * actions, the commands, the entries of the hash-chained audit log
 * ({@link org.dualprevention.danger.AuditEntry}), events, and the effective (dynamic) risk level.
 *
 * <p>The closed loop itself (transition table, guards, effects, events, audit encoding and hashing, chain
 * verification and replay) is engine logic and lives in {@code dualprevention-core}'s
 * {@code org.dualprevention.engine.closedloop}.
 *
 * <p>This package depends on the JDK, {@code org.dualprevention}, {@code org.dualprevention.organization}
 * and {@code org.dualprevention.risk} only; the extension points that use it live in
 * {@code org.dualprevention.spi}. Values here are immutable; collections returned are never {@code null}
 * and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.danger;

import org.jspecify.annotations.NullMarked;
