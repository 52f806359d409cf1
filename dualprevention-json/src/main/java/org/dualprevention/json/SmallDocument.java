package org.dualprevention.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.dualprevention.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reading of the small one-object documents (a re-check, a recurrence, the typical hidden-danger library):
 * the bytes checked as the streaming imports check them (well-formed UTF-8, the {@link JsonLimits}: nesting,
 * string, name and number length, document length, and the values and bytes of the one object), the first
 * breach or syntax error reported with the JSON Pointer of the value being read; and the field helpers the
 * readers share, each adding a {@link Violation} naming pointer, value and what is allowed.
 */
final class SmallDocument {
    private SmallDocument() {
    }

    /**
     * Parses one JSON object within the limits.
     *
     * @throws JsonImportException for malformed JSON, ill-formed UTF-8, a breached limit or trailing content
     */
    static JsonNode parse(DocumentSource source, JsonLimits limits, String format, String what) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(limits, "limits");
        JsonMapper mapper = DualPreventionJson.mapper(limits);
        Problems problems = new Problems(1);
        try (CheckedInput in = new CheckedInput(source.open())) {
            JsonParser p = mapper.createParser(in);
            try {
                JsonToken first = p.nextToken();
                if (first != JsonToken.START_OBJECT) {
                    problems.fatal("", first == null ? "(end of input)" : StreamingImport.tokenText(p),
                            "a JSON object {\"format\": \"" + format + "\", …}");
                } else {
                    JsonNode node = new ItemReader(JsonNodeFactory.instance).read(p,
                            new ItemReader.Budget(limits, what));
                    JsonToken after = p.nextToken();
                    if (in.badAt() >= 0) {
                        problems.fatal("", in.badValue(), CheckedInput.ALLOWED);
                    } else if (after != null) {
                        problems.fatal("", StreamingImport.tokenText(p), "nothing after the document's one object");
                    } else {
                        return node;
                    }
                }
            } catch (ItemReader.TooLarge e) {
                problems.fatal(p.streamReadContext() == null ? ""
                        : p.streamReadContext().pathAsPointer().toString(), e.value, e.allowed);
            } catch (JacksonIOException e) {
                throw new UncheckedIOException("Cannot read the " + format + " document",
                        e.getCause() instanceof IOException ? (IOException) e.getCause() : new IOException(e.getMessage(), e));
            } catch (JacksonException e) {
                StreamingImport.malformed(p, in, e, problems, "");
            } finally {
                p.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + format + " document", e);
        }
        throw new JsonImportException(format, problems.list());
    }

    static void unknown(JsonNode node, String at, Set<String> allowed, List<Violation> v) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext();) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                v.add(Violation.of(Problems.child(at, name), Problems.render(name), "one of " + new TreeSet<>(allowed)));
            }
        }
    }

    static void header(JsonNode node, String format, List<Violation> v) {
        String f = text(node, "format", "", v);
        if (f != null && !format.equals(f)) {
            v.add(Violation.of("/format", Problems.render(f), format));
        }
        JsonNode version = node.get("formatVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt() || version.asInt() != 1) {
            v.add(Violation.of("/formatVersion", Problems.render(version), "1 (the only version this library reads)"));
        }
    }

    /** A required non-blank string. */
    static @Nullable String text(JsonNode node, String field, String at, List<Violation> v) {
        JsonNode f = node.get(field);
        if (f == null || !f.isString() || f.asString().isBlank()) {
            v.add(Violation.of(at + "/" + field, Problems.render(f), "non-blank text"));
            return null;
        }
        return unicode(f.asString(), at + "/" + field, v);
    }

    private static @Nullable String unicode(String s, String pointer, List<Violation> v) {
        if (ModelReader.badUnicode(s, false) >= 0) {
            v.add(Violation.of(pointer, Problems.render(s), "well-formed Unicode text: no unpaired surrogates"));
            return null;
        }
        return s;
    }

    /** A required string, possibly empty. */
    static @Nullable String anyText(JsonNode node, String field, String at, List<Violation> v) {
        JsonNode f = node.get(field);
        if (f == null || !f.isString()) {
            v.add(Violation.of(at + "/" + field, Problems.render(f), "text (may be empty)"));
            return null;
        }
        return unicode(f.asString(), at + "/" + field, v);
    }

    /** A required id built by {@code of}, whose IllegalArgumentException becomes the violation. */
    static <T> @Nullable T id(JsonNode node, String field, String at, Function<String, T> of, List<Violation> v) {
        String s = text(node, field, at, v);
        return s == null ? null : convert(s, at + "/" + field, of, "an id: non-blank text without control characters, at most 128 characters", v);
    }

    /**
     * An optional id: absent is empty; present must be valid ({@code null} is refused, the writer leaves the
     * field out). Returns null when the value is bad.
     */
    static <T> @Nullable Optional<T> optionalId(JsonNode node, String field, String at, Function<String, T> of,
            List<Violation> v) {
        if (!node.has(field)) {
            return Optional.empty();
        }
        T t = id(node, field, at, of, v);
        return t == null ? null : Optional.of(t);
    }

    static <T> @Nullable T convert(String s, String pointer, Function<String, T> of, String allowed, List<Violation> v) {
        try {
            return of.apply(s);
        } catch (IllegalArgumentException e) {
            v.add(Violation.of(pointer, Problems.render(s), allowed));
            return null;
        }
    }

    static @Nullable LocalDate date(JsonNode node, String field, String at, List<Violation> v) {
        String s = text(node, field, at, v);
        if (s == null) {
            return null;
        }
        try {
            if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM-dd", s, 0);
            }
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            v.add(Violation.of(at + "/" + field, Problems.render(s), "a day in ISO-8601, e.g. 2026-12-03"));
            return null;
        }
    }

    static @Nullable Instant instant(JsonNode node, String field, String at, List<Violation> v) {
        String s = text(node, field, at, v);
        if (s == null) {
            return null;
        }
        try {
            if (!s.endsWith("Z")) {
                throw new DateTimeParseException("not UTC", s, 0);
            }
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            v.add(Violation.of(at + "/" + field, Problems.render(s), "an instant in UTC, e.g. 2026-12-03T02:00:00Z"));
            return null;
        }
    }

    static <E> @Nullable E code(JsonNode node, String field, String at, Function<String, E> of, List<?> allowed,
            List<Violation> v) {
        String s = text(node, field, at, v);
        return s == null ? null : convert(s, at + "/" + field, of, "one of " + allowed, v);
    }
}
