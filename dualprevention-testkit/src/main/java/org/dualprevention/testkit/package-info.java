/**
 * Contract suites that implementations of the extension points run against themselves, as abstract
 * JUnit 5 classes (assessment methods, grading schemes, storage, access policies, listeners), and
 * {@link org.dualprevention.testkit.Seeds} for seeded property-style tests whose failures name their seed.
 *
 * <p>Every rule has a number ({@code M4}, {@code G2}, {@code S3}, …) at the start of its display name, so a
 * failing test names the contract clause it broke.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.testkit;

import org.jspecify.annotations.NullMarked;
