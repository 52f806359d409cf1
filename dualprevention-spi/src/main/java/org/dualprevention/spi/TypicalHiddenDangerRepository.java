package org.dualprevention.spi;

import java.util.List;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.learning.TypicalHiddenDanger;

/**
 * The library of typical hidden dangers (典型隐患). A hidden danger is marked typical once.
 *
 * @since 0.2
 */
public interface TypicalHiddenDangerRepository {
    /**
     * Adds an entry.
     *
     * @param entry the entry
     * @throws StaleVersionException if its hidden danger is in the library already; nothing is stored
     */
    void add(TypicalHiddenDanger entry);

    /**
     * The entry of a hidden danger.
     *
     * @param source the hidden danger
     * @return it, or empty
     */
    Optional<TypicalHiddenDanger> find(HiddenDangerId source);

    /** @return every entry, by hidden danger id */
    List<TypicalHiddenDanger> findAll();
}
