package org.dualprevention.excel;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dualprevention.danger.HiddenDanger;
import org.dualprevention.danger.InspectionRef;
import org.dualprevention.organization.OrgUnitId;

/**
 * The ledger's text for a hidden danger's id. A hidden danger that a failed inspection item reported has the id
 * the engine makes from the task and the item, {@code <plan>@<period>/<item>} (core's {@code Inspections} and
 * {@code InspectionScheduler}), and for the plans the engine makes, {@code routine.<unit>} and
 * {@code comprehensive.<unit>}, that id holds English words and codes (e.g. {@code routine.U1@2026-11-02/day/M-3}).
 * Stored data and repeated recording depend on that id, so it stays as it is; the ledger shows it by names:
 * 日常排查｜生产部｜2026-11-02 白班｜检查项 M-3. Every other id (the host's own, and one the engine shortened to
 * a UUID) is shown as it is.
 */
final class FindingIds {
    private static final Pattern ENGINE_PLAN = Pattern.compile("(routine|comprehensive)\\.(.+)");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern SHIFT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})/(.+)");

    private FindingIds() {
    }

    /** The id as the ledger shows it. */
    static String shown(HiddenDanger d, Map<OrgUnitId, String> units, boolean zh) {
        String id = d.id().value();
        Optional<InspectionRef> ref = d.inspection();
        if (ref.isEmpty() || !id.equals(ref.get().task() + "/" + ref.get().item())) {
            return id;
        }
        String task = ref.get().task();
        int at = task.lastIndexOf('@');
        if (at < 0) {
            return id;
        }
        Matcher plan = ENGINE_PLAN.matcher(task.substring(0, at));
        if (!plan.matches()) {
            return id;
        }
        boolean routine = plan.group(1).equals("routine");
        OrgUnitId unit = OrgUnitId.of(plan.group(2));
        String kind = routine ? Text.pick(zh, "日常排查", "Routine inspection")
                : Text.pick(zh, "综合排查", "Comprehensive inspection");
        String period = period(task.substring(at + 1), zh);
        String item = Text.pick(zh, "检查项 ", "item ") + ref.get().item();
        return String.join(Text.FIELD, kind, units.getOrDefault(unit, unit.value()))
                + (period.isEmpty() ? "" : Text.FIELD + period) + Text.FIELD + item;
    }

    /** A period key of the scheduler in words: a day, a shift of a day, a week, a month, a quarter, or once. */
    static String period(String key, boolean zh) {
        if (key.equals("once")) {
            return "";
        }
        Matcher m = SHIFT.matcher(key);
        if (m.matches()) {
            return m.group(1) + " " + shift(m.group(2), zh);
        }
        m = WEEK.matcher(key);
        if (m.matches()) {
            int week = Integer.parseInt(m.group(2));
            return zh ? m.group(1) + " 年第 " + week + " 周" : "week " + week + " of " + m.group(1);
        }
        m = QUARTER.matcher(key);
        if (m.matches()) {
            return zh ? m.group(1) + " 年第 " + m.group(2) + " 季度" : "Q" + m.group(2) + " " + m.group(1);
        }
        m = MONTH.matcher(key);
        if (m.matches()) {
            return zh ? m.group(1) + " 年 " + Integer.parseInt(m.group(2)) + " 月" : key;
        }
        return key;
    }

    /** The built-in shift by name; a host's shift by the code the host gave it. */
    private static String shift(String code, boolean zh) {
        return code.equals("day") ? Text.pick(zh, "白班", "day shift") : code;
    }
}
