package org.dualprevention.analytics.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.OrgUnitId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskPointId;

/**
 * The people and contacts the documents print, which the risk register and the closed loop do not hold:
 * names of people (the model knows them by {@link ActorId}), the responsible person of each organisation
 * unit (负责人), emergency contacts per unit, and, where the host wants to say it, which risk points a post
 * works at. Everything is optional: a document prints "not recorded" (未登记) where a value is missing, and
 * an actor's id where no name is given.
 *
 * <p>This is the least invasive place for these data: they are presentation data of the host (who holds
 * which post today, whom to call), they change more often than the register and are not part of any
 * aggregate, so they are handed to the renderer rather than stored with the model.
 *
 * <p>This class is immutable and thread-safe; each {@code with…} method returns a copy.
 *
 * @since 0.1
 */
public final class Directory {
    private static final Directory EMPTY = new Directory(Map.of(), Map.of(), Map.of(), Map.of());

    private final Map<ActorId, String> people;
    private final Map<OrgUnitId, String> responsible;
    private final Map<OrgUnitId, List<Contact>> contacts;
    private final Map<OrgUnitId, Set<RiskPointId>> postPoints;

    /**
     * An emergency contact.
     *
     * @param role what the contact is, e.g. "车间值班室" or "安全环保部"
     * @param phone the number to call
     */
    public record Contact(String role, String phone) {
        /** Validates the components. */
        public Contact {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(phone, "phone");
            if (role.isBlank() || phone.isBlank()) {
                throw new IllegalArgumentException("Contact role [" + role + "] and phone [" + phone
                        + "] must not be blank");
            }
        }
    }

    private Directory(Map<ActorId, String> people, Map<OrgUnitId, String> responsible,
            Map<OrgUnitId, List<Contact>> contacts, Map<OrgUnitId, Set<RiskPointId>> postPoints) {
        this.people = people;
        this.responsible = responsible;
        this.contacts = contacts;
        this.postPoints = postPoints;
    }

    /** @return a directory with nothing in it */
    public static Directory empty() {
        return EMPTY;
    }

    /**
     * A copy that knows a person's name.
     *
     * @param actor the person's id
     * @param name the name to print
     * @return the copy
     */
    public Directory withPerson(ActorId actor, String name) {
        Map<ActorId, String> m = new HashMap<>(people);
        m.put(Objects.requireNonNull(actor, "actor"), notBlank(name, "name"));
        return new Directory(Map.copyOf(m), responsible, contacts, postPoints);
    }

    /**
     * A copy that knows the responsible person (负责人) of a unit.
     *
     * @param unit the unit
     * @param person the person's name
     * @return the copy
     */
    public Directory withResponsible(OrgUnitId unit, String person) {
        Map<OrgUnitId, String> m = new HashMap<>(responsible);
        m.put(Objects.requireNonNull(unit, "unit"), notBlank(person, "person"));
        return new Directory(people, Map.copyOf(m), contacts, postPoints);
    }

    /**
     * A copy with one more emergency contact of a unit; cards of the unit and of every unit below it list it.
     *
     * @param unit the unit
     * @param role what the contact is
     * @param phone the number
     * @return the copy
     */
    public Directory withContact(OrgUnitId unit, String role, String phone) {
        Map<OrgUnitId, List<Contact>> m = new HashMap<>(contacts);
        List<Contact> l = new ArrayList<>(m.getOrDefault(Objects.requireNonNull(unit, "unit"), List.of()));
        l.add(new Contact(role, phone));
        m.put(unit, List.copyOf(l));
        return new Directory(people, responsible, Map.copyOf(m), postPoints);
    }

    /**
     * A copy that says at which risk points a post works, in addition to those it owns or holds a control
     * measure of.
     *
     * @param post the post's unit
     * @param riskPoints the risk points
     * @return the copy
     */
    public Directory withPostRiskPoints(OrgUnitId post, Set<RiskPointId> riskPoints) {
        Map<OrgUnitId, Set<RiskPointId>> m = new HashMap<>(postPoints);
        Set<RiskPointId> s = new LinkedHashSet<>(m.getOrDefault(Objects.requireNonNull(post, "post"), Set.of()));
        s.addAll(riskPoints);
        m.put(post, Set.copyOf(s));
        return new Directory(people, responsible, contacts, Map.copyOf(m));
    }

    /**
     * A person's name.
     *
     * @param actor the id
     * @return the name, or empty when not given
     */
    public Optional<String> person(ActorId actor) {
        return Optional.ofNullable(people.get(actor));
    }

    /**
     * The responsible person of a unit.
     *
     * @param unit the unit
     * @return the name, or empty when not given
     */
    public Optional<String> responsible(OrgUnitId unit) {
        return Optional.ofNullable(responsible.get(unit));
    }

    /**
     * The emergency contacts for a unit: its own first, then those of each unit above it.
     *
     * @param organization the organisation
     * @param unit the unit
     * @return the contacts, nearest first
     */
    public List<Contact> contactsFor(Organization organization, OrgUnitId unit) {
        List<Contact> out = new ArrayList<>();
        organization.selfAndAncestors(unit).forEach(u -> out.addAll(contacts.getOrDefault(u.id(), List.of())));
        return List.copyOf(out);
    }

    /**
     * The risk points the host named for a post.
     *
     * @param post the post
     * @return the risk points, possibly empty
     */
    public Set<RiskPointId> postRiskPoints(OrgUnitId post) {
        return postPoints.getOrDefault(post, Set.of());
    }

    private static String notBlank(String s, String field) {
        Objects.requireNonNull(s, field);
        if (s.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return s;
    }
}
