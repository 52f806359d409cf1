/**
 * Jackson 3 support for dualprevention.
 *
 * <ul>
 *   <li>{@link org.dualprevention.json.DualPreventionModule}: serializers and deserializers for every model
 *       type, with no Jackson annotation on the model. Ids are strings, enums their stable {@code code()},
 *       instants ISO-8601 strings, dates ISO {@code LocalDate} strings, scores and factor values exact JSON
 *       numbers (never through {@code double}).</li>
 *   <li>{@link org.dualprevention.json.DualPreventionJson}: a safely configured {@code JsonMapper} with the
 *       module registered and the read limits of {@link org.dualprevention.json.JsonLimits}.</li>
 *   <li>{@link org.dualprevention.json.RegisterDocument}: the versioned register document (format
 *       {@code dualprevention.register}), written streaming and imported streaming in two passes
 *       (validate everything, then deliver in batches to a {@link org.dualprevention.json.DocumentSink}).
 *       An invalid document delivers nothing and raises one {@link org.dualprevention.json.JsonImportException}
 *       listing every problem with its JSON Pointer, the bad value and what is allowed.</li>
 * </ul>
 *
 * <p>JSON Schemas (draft 2020-12) of the documents are shipped in the jar under
 * {@code /org/dualprevention/json/schema/}. Collections returned by this package are never {@code null}.
 */
@NullMarked
package org.dualprevention.json;

import org.jspecify.annotations.NullMarked;
