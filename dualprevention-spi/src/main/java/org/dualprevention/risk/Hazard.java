package org.dualprevention.risk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dualprevention.internal.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A hazard (危险有害因素) on a risk point: what it is, its GB/T 13861 category, the GB 6441 accident
 * types it can cause, causes and consequences, its control measures and its assessment history.
 *
 * <p>The assessment history is kept in the order recorded. {@link #currentAssessments()} is the latest
 * assessment per method among the residual ones, or among the inherent ones if no residual exists;
 * how their levels combine is decided by the engine's combination rule (default: the most severe).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class Hazard {
    private final HazardId id;
    private final String description;
    private final HazardCategory category;
    private final Set<AccidentType> accidentTypes;
    private final String causes;
    private final String consequences;
    private final List<ControlMeasure> measures;
    private final List<Assessment> assessments;
    private final Optional<ReassessmentFlag> reassessment;
    /** {@link #currentAssessments()}, once worked out; not part of the value (equals, hashCode). */
    private @Nullable List<Assessment> current;
    /**
     * For a copy made by {@link #withAssessment}: the current assessments of the history without its last entry, if
     * they were worked out when the copy was made (then {@link #currentAssessments()} only adds the last entry to
     * them); dropped once {@link #current} is known. Not part of the value.
     */
    private @Nullable List<Assessment> priorCurrent;

    private Hazard(HazardId id, String description, HazardCategory category, Set<AccidentType> accidentTypes,
            String causes, String consequences, List<ControlMeasure> measures, List<Assessment> assessments,
            Optional<ReassessmentFlag> reassessment) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Checks.notBlank(description, "description");
        this.category = Objects.requireNonNull(category, "category");
        Objects.requireNonNull(accidentTypes, "accidentTypes");
        Checks.checkArgument(!accidentTypes.isEmpty(), "hazard [%s] needs at least one accident type", id);
        this.accidentTypes = Collections.unmodifiableSet(EnumSet.copyOf(accidentTypes));
        this.causes = Checks.text(causes, "causes");
        this.consequences = Checks.text(consequences, "consequences");
        this.measures = List.copyOf(measures);
        int nm = this.measures.size();
        if (nm > 1) {
            // a hazard has a handful of measures: pairwise comparison finds the same first repeat as a set, without one
            if (nm <= SMALL) {
                for (int i = 1; i < nm; i++) {
                    ControlMeasureId mid = this.measures.get(i).id();
                    for (int j = 0; j < i; j++) {
                        Checks.checkArgument(!mid.equals(this.measures.get(j).id()),
                                "hazard [%s] lists control measure [%s] twice", id, mid);
                    }
                }
            } else {
                Set<ControlMeasureId> ids = new HashSet<>();
                for (ControlMeasure m : this.measures) {
                    Checks.checkArgument(ids.add(m.id()), "hazard [%s] lists control measure [%s] twice", id, m.id());
                }
            }
        }
        this.assessments = List.copyOf(assessments);
        int na = this.assessments.size();
        if (na > 1) {
            if (na <= SMALL) {
                for (int i = 1; i < na; i++) {
                    AssessmentId aid = this.assessments.get(i).id();
                    for (int j = 0; j < i; j++) {
                        Checks.checkArgument(!aid.equals(this.assessments.get(j).id()),
                                "hazard [%s] lists assessment [%s] twice", id, aid);
                    }
                }
            } else {
                Set<AssessmentId> aids = new HashSet<>();
                for (Assessment a : this.assessments) {
                    Checks.checkArgument(aids.add(a.id()), "hazard [%s] lists assessment [%s] twice", id, a.id());
                }
            }
        }
        this.reassessment = Objects.requireNonNull(reassessment, "reassessment");
    }

    /**
     * A copy of a checked hazard with another, already immutable assessment history whose entries other than
     * the last are the checked hazard's own, and another flag: nothing of {@code base} is checked again, only
     * that the last assessment's id is not already in the history.
     */
    private Hazard(Hazard base, List<Assessment> history, Optional<ReassessmentFlag> reassessment) {
        this.id = base.id;
        this.description = base.description;
        this.category = base.category;
        this.accidentTypes = base.accidentTypes;
        this.causes = base.causes;
        this.consequences = base.consequences;
        this.measures = base.measures;
        this.assessments = history;
        int last = history.size() - 1;
        AssessmentId aid = history.get(last).id();
        for (int j = 0; j < last; j++) {
            Checks.checkArgument(!aid.equals(history.get(j).id()), "hazard [%s] lists assessment [%s] twice", id, aid);
        }
        this.reassessment = Objects.requireNonNull(reassessment, "reassessment");
        this.priorCurrent = base.current;
    }

    /** Up to this many entries, repeats are found by pairwise comparison instead of a hash set. */
    static final int SMALL = 16;

    /**
     * A new hazard without measures or assessments.
     *
     * @param id id
     * @param description what the hazard is
     * @param category GB/T 13861 category
     * @param accidentTypes GB 6441 accident types, at least one
     * @param causes causes (may be empty)
     * @param consequences consequences (may be empty)
     * @return the hazard
     */
    public static Hazard of(HazardId id, String description, HazardCategory category,
            Collection<AccidentType> accidentTypes, String causes, String consequences) {
        Objects.requireNonNull(accidentTypes, "accidentTypes");
        return new Hazard(id, description, category, accidentTypes.isEmpty() ? Set.of() : EnumSet.copyOf(accidentTypes),
                causes, consequences, List.of(), List.of(), Optional.empty());
    }

    /**
     * A hazard with every field given at once, as read back from storage or a document: the same checks
     * as {@link #of} followed by {@link #withMeasures} and {@link #withHistory}, and the same result, but
     * built once instead of three times.
     *
     * @param id id
     * @param description what the hazard is
     * @param category GB/T 13861 category
     * @param accidentTypes GB 6441 accident types, at least one
     * @param causes causes (may be empty)
     * @param consequences consequences (may be empty)
     * @param measures the control measures in order, ids unique
     * @param history the assessments in the order recorded, ids unique
     * @param flag the reassessment flag
     * @return the hazard
     * @throws IllegalArgumentException if a field is blank or not allowed, as for the step-by-step path
     * @since 0.2
     */
    public static Hazard loaded(HazardId id, String description, HazardCategory category,
            Collection<AccidentType> accidentTypes, String causes, String consequences, List<ControlMeasure> measures,
            List<Assessment> history, Optional<ReassessmentFlag> flag) {
        Objects.requireNonNull(accidentTypes, "accidentTypes");
        Set<AccidentType> types;
        if (accidentTypes.isEmpty()) {
            types = Set.of();
        } else if (accidentTypes instanceof EnumSet) {
            types = (EnumSet<AccidentType>) accidentTypes; // the constructor copies it
        } else {
            types = EnumSet.copyOf(accidentTypes);
        }
        return new Hazard(id, description, category, types, causes, consequences, measures, history, flag);
    }

    /** @return the id */
    public HazardId id() {
        return id;
    }

    /** @return what the hazard is */
    public String description() {
        return description;
    }

    /** @return the GB/T 13861 category */
    public HazardCategory category() {
        return category;
    }

    /** @return the GB 6441 accident types in code order, never empty */
    public Set<AccidentType> accidentTypes() {
        return accidentTypes;
    }

    /** @return the causes, possibly empty */
    public String causes() {
        return causes;
    }

    /** @return the consequences, possibly empty */
    public String consequences() {
        return consequences;
    }

    /** @return the control measures in order */
    public List<ControlMeasure> measures() {
        return measures;
    }

    /**
     * One control measure.
     *
     * @param measureId its id
     * @return the measure, or empty
     */
    public Optional<ControlMeasure> measure(ControlMeasureId measureId) {
        return measures.stream().filter(m -> m.id().equals(measureId)).findFirst();
    }

    /** @return every assessment, in the order recorded */
    public List<Assessment> assessments() {
        return assessments;
    }

    /** @return the flag set when a control measure failed, until the next assessment */
    public Optional<ReassessmentFlag> reassessment() {
        return reassessment;
    }

    /**
     * The latest assessment per method: of the residual assessments if there is any, else of the
     * inherent ones. The order is that of each method's first appearance.
     *
     * @return the current assessments, empty if never assessed
     */
    public List<Assessment> currentAssessments() {
        List<Assessment> c = current;
        if (c == null) {
            // worked out once per (immutable) hazard: the engine asks for it several times per assessment
            List<Assessment> prior = priorCurrent;
            c = prior != null ? currentAfter(prior, assessments.get(assessments.size() - 1))
                    : currentOf(assessments);
            current = c; // a benign race: every thread computes the same immutable list
            priorCurrent = null;
        }
        return c;
    }

    /**
     * The current assessments of a history: the latest per method (by assessment time, the later entry on a tie)
     * among the residual ones if there is any, else among the inherent ones, in the order of each method's first
     * appearance.
     */
    static List<Assessment> currentOf(List<Assessment> history) {
        boolean residual = false;
        for (Assessment a : history) {
            residual |= a.kind() == AssessmentKind.RESIDUAL;
        }
        AssessmentKind kind = residual ? AssessmentKind.RESIDUAL : AssessmentKind.INHERENT;
        Map<MethodId, Assessment> latest = new LinkedHashMap<>();
        for (Assessment a : history) {
            if (a.kind() == kind) {
                latest.merge(a.method(), a, (old, neu) -> neu.assessedAt().isBefore(old.assessedAt()) ? old : neu);
            }
        }
        return List.copyOf(latest.values());
    }

    /**
     * {@link #currentOf} of a history with {@code last} appended, from {@code prior}, the {@link #currentOf} of the
     * history without it: the same fold over the history, continued by one step. {@code prior} is empty only for an
     * empty history, and otherwise holds assessments of one kind, the kind the history's current ones have.
     */
    static List<Assessment> currentAfter(List<Assessment> prior, Assessment last) {
        if (prior.isEmpty()) {
            return List.of(last);
        }
        AssessmentKind kind = prior.get(0).kind();
        if (last.kind() != kind) {
            // a first residual replaces the inherent ones; an inherent one after residuals changes nothing
            return last.kind() == AssessmentKind.RESIDUAL ? List.of(last) : prior;
        }
        int n = prior.size();
        for (int i = 0; i < n; i++) {
            Assessment old = prior.get(i);
            if (old.method().equals(last.method())) {
                if (last.assessedAt().isBefore(old.assessedAt())) {
                    return prior;
                }
                Assessment[] next = prior.toArray(new Assessment[n]);
                next[i] = last;
                return List.of(next);
            }
        }
        Assessment[] next = prior.toArray(new Assessment[n + 1]);
        next[n] = last;
        return List.of(next);
    }

    /**
     * A copy with other measures.
     *
     * @param newMeasures the measures
     * @return the copy
     */
    public Hazard withMeasures(List<ControlMeasure> newMeasures) {
        return new Hazard(id, description, category, accidentTypes, causes, consequences, newMeasures, assessments,
                reassessment);
    }

    /**
     * A copy with one more measure.
     *
     * @param measure the measure
     * @return the copy
     */
    public Hazard withMeasure(ControlMeasure measure) {
        List<ControlMeasure> list = new ArrayList<>(measures);
        list.add(Objects.requireNonNull(measure, "measure"));
        return withMeasures(list);
    }

    /**
     * A copy with one more assessment; clears the reassessment flag.
     *
     * @param assessment the assessment
     * @return the copy
     */
    public Hazard withAssessment(Assessment assessment) {
        Assessment[] list = assessments.toArray(new Assessment[assessments.size() + 1]);
        list[list.length - 1] = Objects.requireNonNull(assessment, "assessment");
        // this hazard's fields are checked already: only the new assessment's id needs checking
        return new Hazard(this, List.of(list), Optional.empty());
    }

    /**
     * A copy with the given assessment history and flag, exactly as given (used when loading).
     *
     * @param history the assessments in order
     * @param flag the reassessment flag
     * @return the copy
     */
    public Hazard withHistory(List<Assessment> history, Optional<ReassessmentFlag> flag) {
        return new Hazard(id, description, category, accidentTypes, causes, consequences, measures, history, flag);
    }

    /**
     * A copy flagged for reassessment.
     *
     * @param flag the flag
     * @return the copy
     */
    public Hazard withReassessment(ReassessmentFlag flag) {
        return new Hazard(id, description, category, accidentTypes, causes, consequences, measures, assessments,
                Optional.of(flag));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Hazard)) {
            return false;
        }
        Hazard h = (Hazard) o;
        return id.equals(h.id) && description.equals(h.description) && category.equals(h.category)
                && accidentTypes.equals(h.accidentTypes) && causes.equals(h.causes)
                && consequences.equals(h.consequences) && measures.equals(h.measures)
                && assessments.equals(h.assessments) && reassessment.equals(h.reassessment);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, description, category, accidentTypes, measures, assessments, reassessment);
    }

    @Override
    public String toString() {
        return "Hazard[" + id + " " + description + "]";
    }
}
