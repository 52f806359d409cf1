package org.dualprevention.engine.closedloop;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.HiddenDangerCommand;
import org.dualprevention.danger.Transition;

/**
 * An attacker with write access to the store who knows the hash formats but holds no key: rewrites chains and
 * recomputes every hash and state hash, so that chain, snapshot and head agree again. For the tests of what
 * checkpoints and keys find.
 */
public final class Forger {
    private Forger() {
    }

    /** The story's chain: a major hidden danger reported, planned, extended, rectified, rejected and closed. */
    public static List<AuditEntry> story() {
        return List.copyOf(new AuditChainTest.Story().entries);
    }

    /**
     * The story's commands run keyed with the host's current key, as an engine with keys writes them.
     *
     * @param keys the host's keys
     * @return the keyed chain
     */
    public static List<AuditEntry> keyedStory(org.dualprevention.spi.AuditKeyProvider keys) {
        return keyedStoryTransitions(keys).stream().map(Transition::audit).toList();
    }

    /**
     * The transitions of the story run keyed.
     *
     * @param keys the host's keys
     * @return the transitions, in order
     */
    public static List<Transition> keyedStoryTransitions(org.dualprevention.spi.AuditKeyProvider keys) {
        AuditChainTest.Story plain = new AuditChainTest.Story();
        List<Transition> out = new ArrayList<>();
        Transition t = ClosedLoop.report((HiddenDangerCommand.Report) plain.commands.get(0), Fixtures.clock(0),
                Fixtures.ZONE, keys);
        out.add(t);
        long hours = 0;
        for (int i = 1; i < plain.commands.size(); i++) {
            hours += 20;
            t = ClosedLoop.apply(t.next(), plain.commands.get(i), Fixtures.clock(hours), Fixtures.ZONE, Fixtures.SOD,
                    keys);
            out.add(t);
        }
        return out;
    }

    /** The transitions of the story, in order (versions with their entries). */
    public static List<Transition> storyTransitions() {
        AuditChainTest.Story s = new AuditChainTest.Story();
        List<Transition> out = new ArrayList<>();
        for (int i = 0; i < s.entries.size(); i++) {
            out.add(new Transition(s.versions.get(i), s.entries.get(i), List.of()));
        }
        return out;
    }

    /**
     * Rebuilds a chain from its entries' contents (actor, time, action, data), recomputing every state, state hash
     * and hash, as an attacker without a key can.
     *
     * @param entries the entries as the attacker wants them
     * @return the chain, valid and replaying
     */
    public static List<AuditEntry> rehash(List<AuditEntry> entries) {
        return rehash(entries, null);
    }

    /**
     * {@link #rehash(List)} keyed with the current key (as the host itself, holding the key, would write the chain).
     *
     * @param entries the entries
     * @param keys the host's keys, or null for plain SHA-256
     * @return the chain
     */
    public static List<AuditEntry> rehash(List<AuditEntry> entries,
            org.dualprevention.spi.@org.jspecify.annotations.Nullable AuditKeyProvider keys) {
        List<AuditEntry> out = new ArrayList<>();
        Optional<HiddenDanger> current = Optional.empty();
        String previous = AuditEntry.GENESIS;
        for (AuditEntry e : entries) {
            ActionDefinition<?> definition = ClosedLoopActions.of(e.action());
            HiddenDangerCommand command = definition.decode(e.actor(), e.data());
            HiddenDanger unheaded = ClosedLoop.evolve(definition, current, command, e.at(), AuditEntry.GENESIS);
            AuditEntry forged = keys == null
                    ? AuditEntries.create(unheaded.id(), unheaded.version(), e.actor(), e.at(), e.action(),
                            current.map(HiddenDanger::state), unheaded.state(), e.data(), previous, StateHash.of(unheaded))
                    : AuditEntries.create(unheaded.id(), unheaded.version(), e.actor(), e.at(), e.action(),
                            current.map(HiddenDanger::state), unheaded.state(), e.data(), previous, StateHash.of(unheaded),
                            keys);
            out.add(forged);
            previous = forged.hash();
            current = Optional.of(unheaded.toBuilder().auditHead(forged.hash()).build());
        }
        return out;
    }

    /**
     * One entry's data edited, then the whole chain rehashed.
     *
     * @param entries the chain
     * @param index the entry to edit
     * @param data the edit of its data
     * @return the forged chain
     */
    public static List<AuditEntry> editAndRehash(List<AuditEntry> entries, int index, UnaryOperator<String> data) {
        List<AuditEntry> edited = new ArrayList<>(entries);
        AuditEntry e = edited.get(index);
        edited.set(index, new AuditEntry(e.dangerId(), e.sequence(), e.actor(), e.at(), e.action(), e.stateBefore(),
                e.stateAfter(), data.apply(e.data()), e.previousHash(), e.hash(), e.format(), e.stateHash(), e.keyId()));
        return rehash(edited);
    }
}
