/**
 * Incidents and near misses (事故 / 未遂事件, DOMAIN.md §12): the model only. An
 * {@link org.dualprevention.incident.Incident} is recorded against a risk point, the hazards involved and the
 * control measures that failed, typed by GB 6441 ({@link org.dualprevention.risk.AccidentType}) and, for an
 * accident, graded by 国务院令第493号 ({@link org.dualprevention.incident.AccidentGrade}) from its
 * {@link org.dualprevention.incident.Casualties}.
 */
@NullMarked
package org.dualprevention.incident;

import org.jspecify.annotations.NullMarked;
