/**
 * The plant demo, the README's first command ({@code mvn -q -Pdemo -DskipTests verify}): a shipped
 * register of a small fine-chemicals plant, four simulated weeks of inspections and hidden dangers, and
 * the outputs (console summary, {@code risk-map.svg}, {@code report.html}, {@code register.json},
 * {@code ledger.json}). Start at {@link org.dualprevention.examples.demo.PlantDemo}.
 */
package org.dualprevention.examples.demo;
