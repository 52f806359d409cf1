package org.dualprevention.engine.names;

import java.util.List;
import java.util.Objects;

/**
 * A name that registers write instead of a standard one, with what it means and why.
 *
 * <p>An alias with one code means that code. An alias with several codes, or with none ({@code *} in an alias
 * table: every code), is <b>ambiguous</b>: {@link RegisterNames} never resolves it, and offers the codes as
 * the candidates to choose from.
 *
 * @param kind accident type or hazard category
 * @param name the name as registers write it
 * @param codes the code it means, or the candidates of an ambiguous alias (empty: every code)
 * @param source why the alias means this, or why it is ambiguous
 * @param origin where the alias was read, e.g. {@code aliases.tsv:12}
 * @since 0.1
 */
public record NameAlias(NameKind kind, String name, List<String> codes, String source, String origin) {
    /** Validates and copies the components. */
    public NameAlias {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        codes = List.copyOf(codes);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        if (name.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("alias [" + name + "] with source [" + source
                    + "] is not allowed; allowed: a name and a source that are not blank");
        }
    }

    /** @return whether the alias stands for more than one code and is never resolved */
    public boolean ambiguous() {
        return codes.size() != 1;
    }
}
