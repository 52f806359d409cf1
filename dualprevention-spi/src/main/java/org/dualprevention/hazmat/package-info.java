/**
 * Major hazard installations of dangerous chemicals (危险化学品重大危险源, DOMAIN.md §11): the model only.
 *
 * <p>A {@link org.dualprevention.hazmat.MajorHazardInstallation} is a production or storage unit
 * ({@link org.dualprevention.hazmat.UnitKind}) holding dangerous chemicals ({@link org.dualprevention.hazmat.Holding});
 * whether it is a major hazard (S = Σ q/Q ≥ 1) and its grade (R = α·Σ β·q/Q, 一级 to 四级) are computed by the
 * engine from a {@link org.dualprevention.hazmat.CriticalQuantityTable}, a versioned data table whose every
 * value carries its source. Nothing here is computed or stored by hand: the
 * {@link org.dualprevention.hazmat.MajorHazardStatus} is derived from the stored holdings and the table.
 */
@NullMarked
package org.dualprevention.hazmat;

import org.jspecify.annotations.NullMarked;
