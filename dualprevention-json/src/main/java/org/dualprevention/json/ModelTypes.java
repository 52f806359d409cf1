package org.dualprevention.json;

import org.dualprevention.danger.AuditEntry;
import org.dualprevention.danger.HiddenDangerAction;
import org.dualprevention.danger.HiddenDangerCategory;
import org.dualprevention.danger.HiddenDangerGrade;
import org.dualprevention.danger.HiddenDangerId;
import org.dualprevention.danger.HiddenDangerSource;
import org.dualprevention.danger.HiddenDangerState;
import org.dualprevention.inspection.Cadence;
import org.dualprevention.inspection.ChecklistClass;
import org.dualprevention.inspection.GoodPracticeId;
import org.dualprevention.inspection.InspectionItemId;
import org.dualprevention.inspection.InspectionPlanId;
import org.dualprevention.inspection.InspectionTaskId;
import org.dualprevention.inspection.ItemOutcome;
import org.dualprevention.inspection.PlanKind;
import org.dualprevention.inspection.TaskStatus;

/**
 * Registers the model types of the hidden-danger and inspection packages on the module: ids as strings,
 * enums as codes, audit entries as objects (their hash is checked on reading).
 */
final class ModelTypes {
    private ModelTypes() {
    }

    static void register(DualPreventionModule m) {
        m.idType(HiddenDangerId.class, HiddenDangerId::value, HiddenDangerId::of);
        m.idType(InspectionPlanId.class, InspectionPlanId::value, InspectionPlanId::of);
        m.idType(InspectionItemId.class, InspectionItemId::value, InspectionItemId::of);
        m.idType(InspectionTaskId.class, InspectionTaskId::value, InspectionTaskId::of);
        m.idType(GoodPracticeId.class, GoodPracticeId::value, GoodPracticeId::of);
        m.codeType(HiddenDangerState.class, HiddenDangerState::code, HiddenDangerState::fromCode, HiddenDangerState.values());
        m.codeType(HiddenDangerAction.class, HiddenDangerAction::code, HiddenDangerAction::fromCode, HiddenDangerAction.values());
        m.codeType(HiddenDangerGrade.class, HiddenDangerGrade::code, HiddenDangerGrade::fromCode, HiddenDangerGrade.values());
        m.codeType(HiddenDangerSource.class, HiddenDangerSource::code, HiddenDangerSource::fromCode, HiddenDangerSource.values());
        m.codeType(HiddenDangerCategory.class, HiddenDangerCategory::code, HiddenDangerCategory::fromCode,
                HiddenDangerCategory.values());
        m.codeType(Cadence.class, Cadence::code, Cadence::fromCode, Cadence.values());
        m.codeType(ChecklistClass.class, ChecklistClass::code, ChecklistClass::fromCode, ChecklistClass.values());
        m.codeType(PlanKind.class, PlanKind::code, PlanKind::fromCode, PlanKind.values());
        m.codeType(ItemOutcome.class, ItemOutcome::code, ItemOutcome::fromCode, ItemOutcome.values());
        m.codeType(TaskStatus.class, TaskStatus::code, TaskStatus::fromCode, TaskStatus.values());
        m.value(AuditEntry.class, DangerReader::auditEntry, DangerReader::auditEntry);
    }
}
