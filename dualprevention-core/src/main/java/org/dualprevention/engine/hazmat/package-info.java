/**
 * Major hazard installations (危险化学品重大危险源, DOMAIN.md §11): the shipped GB 18218-2018 table
 * ({@link org.dualprevention.engine.hazmat.CriticalQuantityTables}), the exact computation of S, R and the
 * grade ({@link org.dualprevention.engine.hazmat.MajorHazardCalculator}), and the area that stores
 * installations and grades the risk points on them 重大 by direct determination
 * ({@link org.dualprevention.engine.hazmat.MajorHazards}).
 */
@NullMarked
package org.dualprevention.engine.hazmat;

import org.jspecify.annotations.NullMarked;
