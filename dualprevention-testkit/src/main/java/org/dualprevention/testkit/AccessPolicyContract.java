package org.dualprevention.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.organization.Organization;
import org.dualprevention.danger.AccessDecision;
import org.dualprevention.spi.AccessPolicy;
import org.dualprevention.danger.AccessRequest;
import org.dualprevention.testkit.gen.Gen;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link AccessPolicy} must meet, checked on seeded access requests: every command
 * of hidden dangers walked through every state of the closed loop, by people of the hidden danger's
 * unit and of other units. Extend it and build your policy over the organisation given:
 *
 * <pre>{@code
 * class AcmePolicyTest extends AccessPolicyContract {
 *     @Override protected AccessPolicy policy(Organization org) { return new AcmePolicy(org, roles); }
 * }
 * }</pre>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>P1</b> every request gets a decision: never {@code null}, never an exception (a denial is a decision).</li>
 * <li><b>P2</b> a denial says why: its reason is not blank.</li>
 * <li><b>P3</b> determinism: the same request gets the same decision, again and on another instance.</li>
 * <li><b>P4</b> thread safety: deciding from several threads at once gives the same decisions as one thread.</li>
 * <li><b>P5</b> {@code decide(null)} throws {@link NullPointerException}.</li>
 * <li><b>P6</b> the requests cover every action of the closed loop (a check of the kit itself, so that P1 to P4
 *     never pass vacuously).</li>
 * </ol>
 * What a policy allows is its own business; the contract does not require any request to be allowed.
 *
 * @since 0.1
 */
public abstract class AccessPolicyContract {
    /** Creates the contract. */
    protected AccessPolicyContract() {
    }

    /**
     * A fresh policy over an organisation.
     *
     * @param organization the organisation the requests' people and hidden dangers belong to
     * @return the policy under test
     */
    protected abstract AccessPolicy policy(Organization organization);

    /**
     * The seed of the requests.
     *
     * @return {@link Seeds#base()} by default
     */
    protected long seed() {
        return Seeds.base();
    }

    /**
     * How many hidden dangers the requests come from.
     *
     * @return 70 by default (ten per state)
     */
    protected int dangers() {
        return 70;
    }

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    private Organization organization() {
        return Gen.of(seed()).organization(15);
    }

    private List<AccessRequest> requests(Organization org) {
        Gen gen = Gen.of(seed());
        gen.organization(15);
        return gen.dangers().accessRequests(org, T0, dangers());
    }

    private String seedNote() {
        return " [seed=" + seed() + " replay with -D" + Seeds.PROPERTY + "=" + seed() + "]";
    }

    /** Rule P1: every request gets a decision: never null, never an exception. */
    @Test
    @DisplayName("P1 every request gets a decision: never null, never an exception")
    public void p1AlwaysDecides() {
        Rules.check("P1", () -> {
            Organization org = organization();
            AccessPolicy p = policy(org);
            Failures f = new Failures("P1 always decides" + seedNote());
            for (AccessRequest r : requests(org)) {
                f.checked();
                try {
                    if (p.decide(r) == null) {
                        f.fail(r.action() + " on " + r.targetId() + " by " + r.actor() + " -> null");
                    }
                } catch (RuntimeException e) {
                    f.fail(r.action() + " on " + r.targetId() + " by " + r.actor() + " -> " + Failures.describe(e));
                }
            }
            f.assertNone();
        });
    }

    /** Rule P2: a denial says why: its reason is not blank. */
    @Test
    @DisplayName("P2 a denial says why: its reason is not blank")
    public void p2DenialsHaveReasons() {
        Rules.check("P2", () -> {
            Organization org = organization();
            AccessPolicy p = policy(org);
            for (AccessRequest r : requests(org)) {
                AccessDecision d = p.decide(r);
                if (!d.allowed()) {
                    assertFalse(d.reason().isBlank(), "P2 denial of " + r.action() + " on " + r.targetId() + " without a reason");
                }
            }
        });
    }

    /** Rule P3: determinism: the same request gets the same decision, again and on another instance. */
    @Test
    @DisplayName("P3 determinism: the same request gets the same decision, again and on another instance")
    public void p3Deterministic() {
        Rules.check("P3", () -> {
            Organization org = organization();
            AccessPolicy p = policy(org);
            AccessPolicy other = policy(org);
            Failures f = new Failures("P3 determinism" + seedNote());
            for (AccessRequest r : requests(org)) {
                f.checked();
                AccessDecision a = p.decide(r);
                AccessDecision b = p.decide(r);
                AccessDecision c = other.decide(r);
                if (!a.equals(b) || !a.equals(c)) {
                    f.fail(r.action() + " on " + r.targetId() + " by " + r.actor() + ": " + a + ", then " + b
                            + ", on another instance " + c);
                }
            }
            f.assertNone();
        });
    }

    /** Rule P4: thread safety: parallel decisions equal sequential ones. */
    @Test
    @DisplayName("P4 thread safety: parallel decisions equal sequential ones")
    public void p4ThreadSafe() {
        Rules.check("P4", () -> {
            Organization org = organization();
            AccessPolicy p = policy(org);
            List<AccessRequest> requests = requests(org);
            List<AccessDecision> expected = new ArrayList<>();
            for (AccessRequest r : requests) {
                expected.add(p.decide(r));
            }
            Parallel.check("P4", 4, 5, requests.size(), k -> {
                AccessDecision d = p.decide(requests.get(k));
                return expected.get(k).equals(d) ? null
                        : requests.get(k).action() + " on " + requests.get(k).targetId() + ": " + d + " in parallel but "
                                + expected.get(k) + " alone" + seedNote();
            });
        });
    }

    /** Rule P5: decide(null) throws NullPointerException. */
    @Test
    @DisplayName("P5 decide(null) throws NullPointerException")
    @SuppressWarnings("NullAway") // passes null on purpose: the rule is that null is refused
    public void p5NullRequest() {
        Rules.check("P5", () -> {
            AccessPolicy p = policy(organization());
            assertThrows(NullPointerException.class, () -> p.decide(null), "P5 decide(null)");
        });
    }

    /** Rule P6: the requests cover every action of the closed loop. */
    @Test
    @DisplayName("P6 the requests cover every action of the closed loop")
    public void p6CoversEveryAction() {
        Rules.check("P6", () -> {
            Set<HiddenDangerAction> seen = EnumSet.noneOf(HiddenDangerAction.class);
            for (AccessRequest r : requests(organization())) {
                seen.add(r.action());
            }
            assertEquals(EnumSet.allOf(HiddenDangerAction.class), seen, "P6 actions covered by the requests"
                    + seedNote() + "; raise dangers()");
            assertTrue(dangers() > 0, "P6 dangers() must be positive");
        });
    }
}
