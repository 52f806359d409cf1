/**
 * The closed loop of hidden dangers, the engine behind the model in {@code org.dualprevention.danger}.
 *
 * <p>Each action is defined in one place, a package-private definition holding the states it is allowed in
 * and the state it leads to, its guards as code (separation of duties included), its effect on the hidden
 * danger, its events, its {@link org.dualprevention.engine.closedloop.AccessClass access class} and how its
 * command is written to and read from the audit data. Everything else dispatches through them:
 * {@link org.dualprevention.engine.closedloop.ClosedLoop} (report and apply, pure),
 * {@link org.dualprevention.engine.closedloop.TransitionTable} (the table as data, and the README's diagram and
 * table), {@link org.dualprevention.engine.closedloop.AuditChain} (verify and replay),
 * {@link org.dualprevention.engine.closedloop.AuditEntries} (audit entries and their hashes) and the default
 * access policy {@link org.dualprevention.engine.closedloop.OrganizationAccessPolicy}.
 * {@link org.dualprevention.engine.closedloop.ClosedLoopService} runs a command with everything that decides
 * it: the transition table first, then the {@link org.dualprevention.spi.AccessPolicy}, then separation of
 * duties and the guards. Storage and listener dispatch are the facade's.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.engine.closedloop;

import org.jspecify.annotations.NullMarked;
