/**
 * The second firewall's inspections (隐患排查): inspection items derived from control measures or taken
 * from the host's checklists, inspection plans with their schedules, the tasks a plan generates, the
 * records of done tasks, and random observations (随手拍).
 *
 * <p>Values here are immutable; collections returned are never {@code null} and are immutable.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.inspection;

import org.jspecify.annotations.NullMarked;
