/**
 * Names as risk registers write them: {@link org.dualprevention.engine.names.RegisterNames} finds GB 6441
 * accident types and GB/T 13861 hazard categories by their Chinese or English name, by a code, or by an
 * alias from a table kept as data (each alias with its source, ambiguous ones never resolved), and names
 * the closest valid names when a name is unknown. Importers of tables (CSV, workbooks) use it.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.engine.names;

import org.jspecify.annotations.NullMarked;
