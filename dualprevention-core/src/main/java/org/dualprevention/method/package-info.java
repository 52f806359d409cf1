/**
 * The built-in assessment methods (LEC, LS, risk matrix, MES, direct determination) and their
 * grading schemes, each with the standard it comes from.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.method;

import org.jspecify.annotations.NullMarked;
