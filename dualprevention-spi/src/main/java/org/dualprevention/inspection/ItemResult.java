package org.dualprevention.inspection;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.internal.Checks;

/**
 * The result of checking one item: passed, failed or not applicable, with a note and references to
 * evidence (photos, documents) kept by the host; the library stores no files. A failed item that
 * registered a hidden danger links to it through {@link #hiddenDanger()}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class ItemResult {
    private final InspectionItemId item;
    private final ItemOutcome outcome;
    private final String note;
    private final List<URI> evidence;
    private final Optional<HiddenDangerId> hiddenDanger;

    private ItemResult(InspectionItemId item, ItemOutcome outcome, String note, List<URI> evidence,
            Optional<HiddenDangerId> hiddenDanger) {
        this.item = Objects.requireNonNull(item, "item");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.note = Checks.text(note, "note").strip();
        this.evidence = List.copyOf(evidence);
        if (outcome == ItemOutcome.FAILED && this.note.isEmpty()) {
            throw new IllegalArgumentException("item [" + item + "] failed without a note; say what was found");
        }
        this.hiddenDanger = Objects.requireNonNull(hiddenDanger, "hiddenDanger");
        if (outcome != ItemOutcome.FAILED && hiddenDanger.isPresent()) {
            throw new IllegalArgumentException("item [" + item + "] is " + outcome.code()
                    + "; only a failed item links to a hidden danger");
        }
    }

    /**
     * A result.
     *
     * @param item the item
     * @param outcome the outcome
     * @param note what was found; required (not blank) for a failed item
     * @param evidence evidence references, possibly empty
     * @return the result
     */
    public static ItemResult of(InspectionItemId item, ItemOutcome outcome, String note, List<URI> evidence) {
        return new ItemResult(item, outcome, note, evidence, Optional.empty());
    }

    /**
     * A passed item without note or evidence.
     *
     * @param item the item
     * @return the result
     */
    public static ItemResult passed(InspectionItemId item) {
        return new ItemResult(item, ItemOutcome.PASSED, "", List.of(), Optional.empty());
    }

    /**
     * A failed item.
     *
     * @param item the item
     * @param note what was found, not blank
     * @param evidence evidence references
     * @return the result
     */
    public static ItemResult failed(InspectionItemId item, String note, List<URI> evidence) {
        return new ItemResult(item, ItemOutcome.FAILED, note, evidence, Optional.empty());
    }

    /** @return the item */
    public InspectionItemId item() {
        return item;
    }

    /** @return the outcome */
    public ItemOutcome outcome() {
        return outcome;
    }

    /** @return the note, possibly empty */
    public String note() {
        return note;
    }

    /** @return the evidence references */
    public List<URI> evidence() {
        return evidence;
    }

    /** @return the hidden danger registered for this failed item, if any */
    public Optional<HiddenDangerId> hiddenDanger() {
        return hiddenDanger;
    }

    /**
     * A copy linked to the hidden danger registered for this failed item.
     *
     * @param danger the hidden danger's id
     * @return the copy
     * @throws IllegalArgumentException if the item did not fail
     */
    public ItemResult withHiddenDanger(HiddenDangerId danger) {
        return new ItemResult(item, outcome, note, evidence, Optional.of(Objects.requireNonNull(danger, "danger")));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ItemResult)) {
            return false;
        }
        ItemResult r = (ItemResult) o;
        return item.equals(r.item) && outcome == r.outcome && note.equals(r.note) && evidence.equals(r.evidence)
                && hiddenDanger.equals(r.hiddenDanger);
    }

    @Override
    public int hashCode() {
        return Objects.hash(item, outcome, note, evidence, hiddenDanger);
    }

    @Override
    public String toString() {
        return "ItemResult[" + item + " " + outcome.code() + (note.isEmpty() ? "" : " " + note)
                + hiddenDanger.map(d -> " -> " + d).orElse("") + "]";
    }
}
