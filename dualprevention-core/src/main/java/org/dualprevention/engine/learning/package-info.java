/**
 * Learning across risk points (举一反三) and the typical hidden-danger library (典型隐患):
 * {@link org.dualprevention.engine.learning.Learning} proposes special inspection items at similar risk points
 * (pure), {@link org.dualprevention.engine.learning.TypicalHiddenDangers} keeps the library and draws items
 * from it.
 */
@NullMarked
package org.dualprevention.engine.learning;

import org.jspecify.annotations.NullMarked;
