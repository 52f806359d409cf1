/**
 * JMH benchmarks. Each benchmark class measures the library and a plain baseline in the same run, so the
 * ratio is meaningful on any machine; see {@code docs/BENCHMARKS.md} for the numbers and how to reproduce them.
 */
package org.dualprevention.benchmarks;
