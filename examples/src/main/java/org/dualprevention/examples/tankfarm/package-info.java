/**
 * A tank farm for the plant demo: a major hazard installation with its R value and grade, a look-back
 * re-check that finds a recurrence, and a near miss that triggers reassessment
 * ({@link org.dualprevention.examples.tankfarm.TankFarmScenario}). Kept apart from the demo so that it can be
 * wired into it in one call.
 */
package org.dualprevention.examples.tankfarm;
