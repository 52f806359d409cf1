package org.dualprevention.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The ids a first pass found repeated, and the first place of each. A pass keeps only a 128-bit hash per id
 * ({@link org.dualprevention.json.support.IdSet}), so when it finds a repeat it knows the second place but
 * not the first; if a document is
 * refused with repeated ids, the import reads it once more and this records the first place of each listed
 * repeat, which is then named in its problem. Not thread-safe.
 */
final class Repeats {
    private record Pending(String key, String id, int listed) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, @Nullable String> first = new HashMap<>();

    static String key(String kind, String id) {
        return kind + '\u0000' + id;
    }

    /** Pass one: the problem listed at {@code listed} is a repeat of this id. */
    void found(String kind, String id, int listed) {
        String key = key(kind, id);
        pending.add(new Pending(key, id, listed));
        first.put(key, null);
    }

    boolean any() {
        return !pending.isEmpty();
    }

    /** The locating pass: called for every id in document order; the first call per repeated id is its first place. */
    void seen(String kind, String id, String pointer) {
        String key = key(kind, id);
        if (first.containsKey(key) && first.get(key) == null) {
            first.put(key, pointer);
        }
    }

    /** Names the first place in each listed repeat. */
    void amend(Problems problems) {
        amend((more, index) -> problems.amend(index, more));
    }

    /** Names the first place in each listed repeat, through {@code target}'s amend (index, more text). */
    void amend(java.util.function.ObjIntConsumer<String> target) {
        for (Pending p : pending) {
            String at = first.get(p.key());
            if (at != null) {
                target.accept("; [" + Problems.render(p.id()) + "] is already used at " + at, p.listed());
            }
        }
    }
}
