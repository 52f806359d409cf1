/**
 * The second firewall: hidden dangers (隐患排查治理) and their closed loop — the aggregate
 * {@link org.dualprevention.danger.HiddenDanger}, its states and actions, the
 * {@link org.dualprevention.danger.TransitionTable}, commands, the hash-chained audit log
 * ({@link org.dualprevention.danger.AuditChain}), events, and the effective (dynamic) risk level.
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
