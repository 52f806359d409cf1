/**
 * Seeded generators of valid model values ({@link org.dualprevention.testkit.gen.Gen}), the input
 * domains of assessment methods ({@link org.dualprevention.testkit.gen.Domains}), and catalogues of
 * mutations that make each kind of invalid value ({@link org.dualprevention.testkit.gen.InputMutation},
 * {@link org.dualprevention.testkit.gen.OrgMutation}, {@link org.dualprevention.testkit.gen.BadText}).
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.testkit.gen;

import org.jspecify.annotations.NullMarked;
