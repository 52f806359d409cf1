package org.dualprevention.engine.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.ValidationException;
import org.dualprevention.Violation;
import org.dualprevention.risk.AccidentType;
import org.dualprevention.risk.HazardCategory;
import org.dualprevention.risk.HazardCategoryGroup;
import org.jspecify.annotations.Nullable;

/**
 * Finds accident types (GB 6441-1986, DOMAIN.md §6.2) and hazard categories (GB/T 13861, DOMAIN.md §6.1)
 * by the names risk registers write: the standard Chinese or English name, the code itself, or an alias.
 *
 * <p>The aliases are data: {@link #standard()} reads the table {@code aliases.tsv} shipped in this package
 * (for example 其它伤害 → 20 其他伤害, 中毒 → 19 中毒和窒息), each alias with its source; a host adds its own
 * with {@link #withAliases} (read with {@link #parse}). Ambiguous aliases (综合伤害, 全部伤害, 爆炸, …) are
 * listed in the table but never resolved: their lookup gives the candidates instead. An unknown name gives
 * the closest standard names.
 *
 * <p>Names are compared after Unicode NFKC normalisation (full-width letters, digits and brackets become
 * their ASCII forms), without white space and ignoring the case of Latin letters.
 *
 * <pre>{@code
 * RegisterNames names = RegisterNames.standard();
 * names.accidentType("其它伤害").value();   // Optional[OTHER_INJURY]
 * names.accidentType("综合伤害").ambiguous(); // true
 * names.accidentType("高处跌落").closest();  // [高处坠落 (09), …]
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RegisterNames {
    /** The classpath resource of the shipped alias table, beside this class. */
    public static final String ALIASES_RESOURCE = "aliases.tsv";
    private static final int CLOSEST = 3;
    private static final List<Locale> LOCALES = List.of(Locale.CHINESE, Locale.ENGLISH);
    /** The two-digit classes with a standard name (DOMAIN.md §6.1). */
    private static final List<String> HAZARD_CLASSES = List.of("11", "12", "21", "22", "23", "31", "32", "33", "39",
            "41", "42", "43", "44", "45", "49");

    private static final RegisterNames STANDARD = new RegisterNames(List.of()).withAliases(shipped());

    /** Standard names and codes by normalised name, per kind; fixed. */
    private final Map<String, String> accidentNames;
    private final Map<String, String> hazardNames;
    private final Map<String, NameAlias> aliasesByName;
    private final List<NameAlias> aliases;

    private RegisterNames(List<NameAlias> aliases) {
        this.accidentNames = accidentNames();
        this.hazardNames = hazardNames();
        Map<String, NameAlias> byName = new LinkedHashMap<>();
        for (NameAlias a : aliases) {
            byName.put(key(a.kind(), a.name()), a);
        }
        this.aliasesByName = byName;
        this.aliases = List.copyOf(aliases);
    }

    /**
     * The standard names and the shipped alias table.
     *
     * @return the lookup
     */
    public static RegisterNames standard() {
        return STANDARD;
    }

    /**
     * A copy that also knows these aliases. An alias already known with the same meaning is skipped.
     *
     * @param more the host's aliases, e.g. from {@link #parse}
     * @return the copy
     * @throws ValidationException if an alias is a standard name, names an unknown code, or is already known
     *     with another meaning (the message names both origins); nothing is added then
     */
    public RegisterNames withAliases(Collection<NameAlias> more) {
        Objects.requireNonNull(more, "more");
        List<Violation> problems = new ArrayList<>();
        Map<String, NameAlias> added = new LinkedHashMap<>(aliasesByName);
        List<NameAlias> all = new ArrayList<>(aliases);
        for (NameAlias a : more) {
            String where = a.origin().isEmpty() ? a.name() : a.origin();
            String standardCode = standardNames(a.kind()).get(normalise(a.name()));
            if (standardCode != null) {
                problems.add(new Violation(where, a.name(), "a name that is not already the standard name of "
                        + a.kind().code() + " " + standardCode));
                continue;
            }
            List<String> bad = a.codes().stream().filter(c -> !validCode(a.kind(), c)).toList();
            if (!bad.isEmpty()) {
                problems.add(new Violation(where, String.join(",", bad), "codes of " + a.kind().displayName(Locale.ENGLISH)
                        + ": " + codes(a.kind())));
                continue;
            }
            NameAlias known = added.get(key(a.kind(), a.name()));
            if (known != null) {
                if (!known.codes().equals(a.codes())) {
                    problems.add(new Violation(where, a.name() + " → " + a.codes(), "one meaning per alias; ["
                            + a.name() + "] already means " + known.codes() + " (" + known.origin() + ": " + known.source()
                            + ")"));
                }
                continue;
            }
            added.put(key(a.kind(), a.name()), a);
            all.add(a);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("register name aliases", problems);
        }
        return new RegisterNames(all);
    }

    /**
     * Reads an alias table: UTF-8 text, one alias a line, four tab-separated fields {@code kind name codes
     * source}; {@code kind} is {@code accident} or {@code hazard}; {@code codes} one code, or several
     * comma-separated codes for an ambiguous alias, or {@code *} for every code; lines starting with
     * {@code #} and empty lines are ignored. See {@code aliases.tsv} in this package.
     *
     * @param in the table; not closed
     * @param origin the table's name for messages, e.g. {@code host-aliases.tsv}
     * @return the aliases, each with its origin {@code origin:line}
     * @throws ValidationException naming each bad line
     */
    public static List<NameAlias> parse(Reader in, String origin) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(origin, "origin");
        List<NameAlias> out = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        BufferedReader r = new BufferedReader(in);
        int n = 0;
        try {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String at = origin + ":" + n;
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    problems.add(new Violation(at, line, "four tab-separated fields: kind, name, codes, source"));
                    continue;
                }
                NameKind kind;
                try {
                    kind = NameKind.fromCode(f[0].strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new Violation(at, f[0], "accident or hazard"));
                    continue;
                }
                String codes = f[2].strip();
                List<String> list = codes.equals("*") ? List.of()
                        : Arrays.stream(codes.split(",", -1)).map(String::strip).toList();
                if (list.contains("")) {
                    problems.add(new Violation(at, codes, "one code, several comma-separated codes, or *"));
                    continue;
                }
                try {
                    out.add(new NameAlias(kind, f[1].strip(), list, f[3].strip(), at));
                } catch (IllegalArgumentException e) {
                    problems.add(new Violation(at, line, "a name and a source that are not blank"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the alias table " + origin, e);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("alias table " + origin, problems);
        }
        return out;
    }

    private static List<NameAlias> shipped() {
        try (InputStream in = RegisterNames.class.getResourceAsStream(ALIASES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the alias table " + ALIASES_RESOURCE + " is missing from the jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), ALIASES_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every alias known, the shipped ones first, then the host's in the order added */
    public List<NameAlias> aliases() {
        return aliases;
    }

    /**
     * Looks up an accident type.
     *
     * @param name a name as a register writes it: 其他伤害, Other injury, 20, 其它伤害, …
     * @return the match
     */
    public NameMatch<AccidentType> accidentType(String name) {
        return lookup(NameKind.ACCIDENT_TYPE, name, AccidentType::fromCode);
    }

    /**
     * Looks up a hazard category: a category (人的因素), a class (物理性危险和有害因素), a code (2101) or an alias.
     *
     * @param name a name as a register writes it
     * @return the match
     */
    public NameMatch<HazardCategory> hazardCategory(String name) {
        return lookup(NameKind.HAZARD_CATEGORY, name, HazardCategory::of);
    }

    private <T> NameMatch<T> lookup(NameKind kind, String name, java.util.function.Function<String, T> of) {
        Objects.requireNonNull(name, "name");
        String norm = normalise(name);
        String code = standardNames(kind).get(norm);
        if (code == null && validCode(kind, norm)) {
            code = norm;
        }
        if (code != null) {
            return new NameMatch<>(kind, name, Optional.of(of.apply(code)), Optional.empty(), List.of(), List.of());
        }
        NameAlias alias = aliasesByName.get(key(kind, name));
        if (alias != null) {
            if (!alias.ambiguous()) {
                return new NameMatch<>(kind, name, Optional.of(of.apply(alias.codes().get(0))), Optional.of(alias),
                        List.of(), List.of());
            }
            List<String> codes = alias.codes().isEmpty() ? codes(kind) : alias.codes();
            return new NameMatch<>(kind, name, Optional.empty(), Optional.of(alias), codes.stream().map(of).toList(),
                    List.of());
        }
        return new NameMatch<>(kind, name, Optional.empty(), Optional.empty(), List.of(), closest(kind, norm));
    }

    /** The standard names closest to an unknown one: shared characters in order count, then the edit distance. */
    private List<String> closest(NameKind kind, String norm) {
        record Scored(String label, int distance, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (Map.Entry<String, String> e : standardNames(kind).entrySet()) {
            String code = e.getValue();
            String label = label(kind, code, e.getKey());
            scored.add(new Scored(label, distance(norm, e.getKey()), order++));
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
        List<String> out = new ArrayList<>();
        for (Scored s : scored) {
            if (!out.contains(s.label())) {
                out.add(s.label());
            }
            if (out.size() == CLOSEST) {
                break;
            }
        }
        return out;
    }

    /** The standard name as written (Chinese or English, whichever matched) with its code. */
    private static String label(NameKind kind, String code, String normalisedName) {
        for (Locale l : LOCALES) {
            String name = kind == NameKind.ACCIDENT_TYPE ? AccidentType.fromCode(code).displayName(l)
                    : HazardCategory.of(code).displayName(l);
            if (normalise(name).equals(normalisedName)) {
                return name + " (" + code + ")";
            }
        }
        return normalisedName + " (" + code + ")";
    }

    /** Levenshtein distance over code points. */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] prev = new int[y.length + 1];
        int[] cur = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length; j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length];
    }

    private Map<String, String> standardNames(NameKind kind) {
        return kind == NameKind.ACCIDENT_TYPE ? accidentNames : hazardNames;
    }

    private static Map<String, String> accidentNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Locale l : LOCALES) {
            for (AccidentType t : AccidentType.values()) {
                m.putIfAbsent(normalise(t.displayName(l)), t.code());
            }
        }
        return m;
    }

    private static Map<String, String> hazardNames() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Locale l : LOCALES) {
            for (HazardCategoryGroup g : HazardCategoryGroup.values()) {
                m.putIfAbsent(normalise(g.displayName(l)), g.code());
            }
            for (String code : HAZARD_CLASSES) {
                m.putIfAbsent(normalise(HazardCategory.of(code).displayName(l)), code);
            }
        }
        return m;
    }

    private static List<String> codes(NameKind kind) {
        if (kind == NameKind.ACCIDENT_TYPE) {
            return Arrays.stream(AccidentType.values()).map(AccidentType::code).toList();
        }
        List<String> out = new ArrayList<>();
        for (HazardCategoryGroup g : HazardCategoryGroup.values()) {
            out.add(g.code());
        }
        out.addAll(HAZARD_CLASSES);
        return out;
    }

    private static boolean validCode(NameKind kind, String code) {
        if (kind == NameKind.ACCIDENT_TYPE) {
            return Arrays.stream(AccidentType.values()).anyMatch(t -> t.code().equals(code));
        }
        try {
            HazardCategory.of(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String key(NameKind kind, String name) {
        return kind.code() + '\u0000' + normalise(name);
    }

    /** NFKC, no white space, Latin letters in lower case. */
    static String normalise(@Nullable String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(sb::appendCodePoint);
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
