package org.dualprevention.danger;

import org.dualprevention.internal.Checks;

/**
 * The governance scheme (治理方案) a major hidden danger needs under 16号令 Art. 15: its six elements.
 * Every element must be non-blank when the scheme is part of a plan for a major hidden danger; the plan
 * guard reports a blank one at {@code plan.scheme.<element>}.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param goalsAndTasks ① 治理的目标和任务: goals and tasks
 * @param methodsAndMeasures ② 采取的方法和措施: methods and measures
 * @param fundsAndMaterials ③ 经费和物资的落实: funds and materials
 * @param organisationAndPeople ④ 负责治理的机构和人员: the organisation and people in charge
 * @param timeLimitAndRequirements ⑤ 治理的时限和要求: time limit and requirements
 * @param safetyMeasuresAndEmergencyPlan ⑥ 安全措施和应急预案: safety measures and emergency plan
 * @since 0.1
 */
public record GovernanceScheme(String goalsAndTasks, String methodsAndMeasures, String fundsAndMaterials,
        String organisationAndPeople, String timeLimitAndRequirements, String safetyMeasuresAndEmergencyPlan) {
    /** Checks the components are present. */
    public GovernanceScheme {
        Checks.text(goalsAndTasks, "goalsAndTasks");
        Checks.text(methodsAndMeasures, "methodsAndMeasures");
        Checks.text(fundsAndMaterials, "fundsAndMaterials");
        Checks.text(organisationAndPeople, "organisationAndPeople");
        Checks.text(timeLimitAndRequirements, "timeLimitAndRequirements");
        Checks.text(safetyMeasuresAndEmergencyPlan, "safetyMeasuresAndEmergencyPlan");
    }
}
