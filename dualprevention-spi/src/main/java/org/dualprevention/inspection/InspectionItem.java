package org.dualprevention.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.dualprevention.internal.Checks;
import org.dualprevention.risk.ControlMeasure;
import org.dualprevention.risk.Hazard;
import org.dualprevention.risk.RiskPoint;

/**
 * One thing an inspector checks (排查项): its content, the standard it is checked against, its class
 * (basic management or on-site, DOMAIN.md §5.3) and, for an item derived from a control measure, the
 * link back to the measure, its hazard and risk point. Items of the host's own checklists have no link.
 *
 * <p>A task keeps copies of its items, so a later change of the risk register does not rewrite what
 * was inspected.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param id the item's id
 * @param content what to check, never blank
 * @param standard the standard the item is checked against (排查标准), never blank
 * @param itemClass basic management or on-site
 * @param measure the control measure the item comes from; empty for a checklist item
 * @since 0.1
 */
public record InspectionItem(InspectionItemId id, String content, String standard, ChecklistClass itemClass,
        Optional<MeasureLink> measure) {
    /** Validates the components. */
    public InspectionItem {
        Objects.requireNonNull(id, "id");
        content = Checks.notBlank(content, "content");
        standard = Checks.notBlank(standard, "standard");
        Objects.requireNonNull(itemClass, "itemClass");
        Objects.requireNonNull(measure, "measure");
    }

    /**
     * An item of the host's own checklist (not derived from a control measure).
     *
     * @param id the id
     * @param content what to check
     * @param standard the standard
     * @param itemClass basic management or on-site
     * @return the item
     */
    public static InspectionItem checklist(InspectionItemId id, String content, String standard,
            ChecklistClass itemClass) {
        return new InspectionItem(id, content, standard, itemClass, Optional.empty());
    }

    /**
     * The items derived from one control measure: one item per line of the measure's inspection
     * standard (lines are separated by line breaks or by {@code ;} / {@code ；}; blank lines are
     * skipped), so a measure with a one-line standard yields one item.
     *
     * <p>Item ids are {@code <measure id>#<n>} with n counting from 1, so they are stable as long as the
     * standard's lines are. The content is the measure's description; the standard is the line. The
     * class is {@link ChecklistClass#ON_SITE} for engineering and personal-protection measures and
     * {@link ChecklistClass#BASIC_MANAGEMENT} for management, training and emergency measures.
     *
     * @param point the risk point
     * @param hazard the hazard, on {@code point}
     * @param measure the measure, of {@code hazard}
     * @return one or more items, in the order of the standard's lines
     * @throws IllegalArgumentException if the hazard is not on the point or the measure not on the hazard
     */
    public static List<InspectionItem> fromMeasure(RiskPoint point, Hazard hazard, ControlMeasure measure) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(hazard, "hazard");
        Objects.requireNonNull(measure, "measure");
        Checks.checkArgument(point.hazard(hazard.id()).isPresent(), "hazard [%s] is not on risk point [%s]",
                hazard.id(), point.id());
        Checks.checkArgument(hazard.measure(measure.id()).isPresent(), "control measure [%s] is not on hazard [%s]",
                measure.id(), hazard.id());
        MeasureLink link = new MeasureLink(point.id(), hazard.id(), measure.id(), measure.controlLevel(),
                point.owningUnit());
        ChecklistClass cls;
        switch (measure.category()) {
            case ENGINEERING:
            case PERSONAL_PROTECTION:
                cls = ChecklistClass.ON_SITE;
                break;
            default:
                cls = ChecklistClass.BASIC_MANAGEMENT;
                break;
        }
        List<InspectionItem> items = new ArrayList<>();
        int n = 0;
        for (String line : measure.inspectionStandard().split("[\\r\\n;；]+")) {
            if (line.isBlank()) {
                continue;
            }
            n++;
            items.add(new InspectionItem(InspectionItemId.of(measure.id().value() + "#" + n), measure.description(),
                    line.strip(), cls, Optional.of(link)));
        }
        return List.copyOf(items);
    }
}
