/**
 * Learning across risk points (举一反三) and the library of typical hidden dangers (典型隐患): the model only.
 * When a hidden danger is verified, the engine proposes a special inspection item
 * ({@link org.dualprevention.learning.SpecialInspectionProposal}) for every other risk point that shares its
 * risk-point kind, hazard class or control-measure template; a host decides whether to schedule them.
 * Verified hidden dangers can be marked typical ({@link org.dualprevention.learning.TypicalHiddenDanger})
 * and inspections draw items from that library.
 */
@NullMarked
package org.dualprevention.learning;

import org.jspecify.annotations.NullMarked;
