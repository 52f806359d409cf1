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
        List<AuditEntry> out = new ArrayList<>();
        Optional<HiddenDanger> current = Optional.empty();
        String previous = AuditEntry.GENESIS;
        for (AuditEntry e : entries) {
            ActionDefinition<?> definition = ClosedLoopActions.of(e.action());
            HiddenDangerCommand command = definition.decode(e.actor(), e.data());
            HiddenDanger unheaded = ClosedLoop.evolve(definition, current, command, e.at(), AuditEntry.GENESIS);
            AuditEntry forged = AuditEntries.create(unheaded.id(), unheaded.version(), e.actor(), e.at(), e.action(),
                    current.map(HiddenDanger::state), unheaded.state(), e.data(), previous, StateHash.of(unheaded));
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
