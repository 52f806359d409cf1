/**
 * ACME's 6×6 risk matrix as a dualprevention plug-in: {@link com.acme.safety.AcmeMatrix6Method} scores a
 * hazard by likelihood and severity on six steps each, and {@link com.acme.safety.AcmeMatrix6Scheme} grades
 * each of the 36 cells into the four levels.
 */
package com.acme.safety;
