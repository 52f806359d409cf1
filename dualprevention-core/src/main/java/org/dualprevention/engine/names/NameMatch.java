package org.dualprevention.engine.names;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The outcome of looking up one name: the value found (directly, or through an alias), or why not: an
 * ambiguous alias with its candidates, or an unknown name with the closest valid names.
 *
 * @param <T> {@code AccidentType} or {@code HazardCategory}
 * @param kind what was looked up
 * @param input the name as given
 * @param value the value, if the name was resolved
 * @param alias the alias that matched, if any (also for an ambiguous one)
 * @param candidates the codes an ambiguous alias may mean, as values; empty otherwise
 * @param closest for an unknown name, the closest standard names with their codes, e.g. {@code 其他伤害 (20)},
 *     closest first; empty otherwise
 * @since 0.1
 */
public record NameMatch<T>(NameKind kind, String input, Optional<T> value, Optional<NameAlias> alias,
        List<T> candidates, List<String> closest) {
    /** Validates and copies the components. */
    public NameMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(alias, "alias");
        candidates = List.copyOf(candidates);
        closest = List.copyOf(closest);
    }

    /** @return whether the name was resolved */
    public boolean found() {
        return value.isPresent();
    }

    /** @return whether the name is an ambiguous alias */
    public boolean ambiguous() {
        return value.isEmpty() && alias.isPresent();
    }

    /**
     * What is allowed instead of an unresolved name, for a problem report: the candidates of an ambiguous
     * alias with its source, or the closest valid names.
     *
     * @param locale Chinese unless the language is English
     * @param label renders a candidate, e.g. {@code AccidentType::displayName} with its code
     * @return the text; empty if the name was found
     */
    public String allowed(Locale locale, Function<T, String> label) {
        boolean en = "en".equals(locale.getLanguage());
        if (value.isPresent()) {
            return "";
        }
        if (alias.isPresent()) {
            List<String> names = candidates.stream().map(label).toList();
            return (en ? "[" + input + "] is ambiguous (" + alias.get().source() + "); write the "
                    + kind.displayName(locale) + " meant, one of: " : "「" + input + "」有歧义（" + alias.get().source()
                    + "）；请写明所指的" + kind.displayName(locale) + "：") + String.join(en ? ", " : "、", names);
        }
        return (en ? "a " + kind.displayName(locale) + " name; closest: " : kind.displayName(locale) + "名称；最接近的：")
                + String.join(en ? ", " : "、", closest);
    }
}
