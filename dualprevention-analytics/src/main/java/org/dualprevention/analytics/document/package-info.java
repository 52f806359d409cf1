/**
 * The documents a safety manager files, as self-contained HTML printable on A4 (inline CSS, no external
 * resources, well-formed XHTML that also parses as XML), in Simplified Chinese by default and English on
 * request: the risk register by level (风险分级管控清单), the risk notification cards (安全风险告知卡), the post
 * cards (岗位风险告知卡) and emergency response cards (应急处置卡), the hidden-danger ledger (隐患排查治理台账),
 * the quarterly and yearly statistics table of 16号令 Art. 14 (DOMAIN.md §5.2), and the four-colour map with
 * charts as inline SVG. Entry points: {@link org.dualprevention.analytics.document.Documents} and
 * {@link org.dualprevention.analytics.document.Charts}; optional people and contacts come in a
 * {@link org.dualprevention.analytics.document.Directory}.
 *
 * <p>Every code (accident types, hazard categories, states, levels, control levels, measure categories,
 * grades, sources, built-in assessment methods) is rendered as its label; dates and numbers take the form
 * of the chosen locale.
 *
 * @since 0.1
 */
@NullMarked
package org.dualprevention.analytics.document;

import org.jspecify.annotations.NullMarked;
