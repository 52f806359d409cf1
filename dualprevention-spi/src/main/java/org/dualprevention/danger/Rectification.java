package org.dualprevention.danger;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.dualprevention.internal.ArraySortedSet;
import org.dualprevention.organization.ActorId;

/**
 * The rectification of a hidden danger (整改) once it started, or was done on the spot: who did it, who
 * handed it in, the last submission, and the rejections by acceptors (验收不通过).
 *
 * <p>The constructor checks: at least one rectifier; a last submission exactly when someone submitted; a
 * rejection only of something submitted, and a reason exactly when there were rejections.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param rectifiers everyone who started or did the rectification
 * @param submitters everyone who handed a rectification in for acceptance
 * @param onSpot whether it was rectified on the spot (立查立改) rather than by a plan
 * @param lastSubmission the last rectification handed in, if any
 * @param rejections how many submissions acceptors rejected
 * @param lastRejectionReason why the last one was rejected, if any was
 * @since 0.1
 */
public record Rectification(SortedSet<ActorId> rectifiers, SortedSet<ActorId> submitters, boolean onSpot,
        Optional<Submission> lastSubmission, int rejections, Optional<String> lastRejectionReason) {
    /** Checks the components and copies the sets. */
    public Rectification {
        // immutable, sorted, each once; a small array rather than a TreeSet (a store keeps one per hidden danger)
        rectifiers = ArraySortedSet.copyOf(rectifiers);
        submitters = ArraySortedSet.copyOf(submitters);
        Objects.requireNonNull(lastSubmission, "lastSubmission");
        Objects.requireNonNull(lastRejectionReason, "lastRejectionReason");
        if (rectifiers.isEmpty()) {
            throw new IllegalArgumentException("a rectification without rectifiers; allowed: at least one");
        }
        if (submitters.isEmpty() != lastSubmission.isEmpty()) {
            throw new IllegalArgumentException("submitters " + submitters + " with " + (lastSubmission.isEmpty() ? "no"
                    : "a") + " last submission; allowed: a last submission exactly when someone submitted");
        }
        if (rejections < 0) {
            throw new IllegalArgumentException("rejections [" + rejections + "]; allowed: 0 or more");
        }
        if ((rejections == 0) != lastRejectionReason.isEmpty()) {
            throw new IllegalArgumentException("rejections [" + rejections + "] with " + (lastRejectionReason.isEmpty()
                    ? "no" : "a") + " last rejection reason; allowed: a reason exactly when there were rejections");
        }
        if (rejections > 0 && lastSubmission.isEmpty()) {
            throw new IllegalArgumentException("rejections [" + rejections + "] without a submission; allowed: only"
                    + " something submitted is rejected");
        }
    }

    /**
     * A rectification started by a plan.
     *
     * @param rectifiers who does it
     * @return the rectification, with nothing submitted yet
     */
    public static Rectification started(Collection<ActorId> rectifiers) {
        return new Rectification(new TreeSet<>(rectifiers), new TreeSet<>(), false, Optional.empty(), 0,
                Optional.empty());
    }

    /**
     * A rectification done on the spot: the actor rectified and submitted it.
     *
     * @param actor who did it
     * @param submission what was done
     * @return the rectification
     */
    public static Rectification onTheSpot(ActorId actor, Submission submission) {
        return new Rectification(new TreeSet<>(Collections.singleton(actor)), new TreeSet<>(Collections.singleton(actor)),
                true, Optional.of(submission), 0, Optional.empty());
    }

    /**
     * A copy with a submission handed in.
     *
     * @param submitter who hands it in
     * @param submission what was done
     * @return the copy
     */
    public Rectification withSubmission(ActorId submitter, Submission submission) {
        TreeSet<ActorId> all = new TreeSet<>(submitters);
        all.add(Objects.requireNonNull(submitter, "submitter"));
        return new Rectification(rectifiers, all, onSpot, Optional.of(submission), rejections, lastRejectionReason);
    }

    /**
     * A copy with one more rejection.
     *
     * @param reason why the submission was rejected
     * @return the copy
     */
    public Rectification withRejection(String reason) {
        return new Rectification(rectifiers, submitters, onSpot, lastSubmission, rejections + 1,
                Optional.of(Objects.requireNonNull(reason, "reason")));
    }
}
