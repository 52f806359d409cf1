/**
 * Incidents and near misses (DOMAIN.md §12): the 493号令 grade from casualties
 * ({@link org.dualprevention.engine.incident.AccidentGrades}), the derived rule that an incident makes its
 * hazards due for reassessment ({@link org.dualprevention.engine.incident.IncidentReassessment}), and the
 * area that records incidents and flags those hazards ({@link org.dualprevention.engine.incident.Incidents}).
 */
@NullMarked
package org.dualprevention.engine.incident;

import org.jspecify.annotations.NullMarked;
