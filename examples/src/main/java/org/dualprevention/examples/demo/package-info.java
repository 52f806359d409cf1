/**
 * The plant demo, the README's first command ({@code mvn -q -Pdemo -DskipTests verify}): a shipped
 * register of a small fine-chemicals plant, four simulated weeks of inspections and hidden dangers, and
 * the outputs in Chinese or English (console summary, {@code risk-map.svg}, {@code report.html},
 * {@code register.json}, {@code ledger.json}, and the register, cards, ledger, statistics table and charts
 * of {@code org.dualprevention.analytics.document}). Start at {@link org.dualprevention.examples.demo.PlantDemo};
 * {@link org.dualprevention.examples.demo.ReadmePictures} makes the README's pictures.
 */
package org.dualprevention.examples.demo;
