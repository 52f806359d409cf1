package org.dualprevention.danger;

import java.util.Objects;

/**
 * One hidden danger whose history differs from a checkpoint's (core's {@code Checkpoints.verify} with a
 * {@link CheckpointDetail}), or whose chain fails verification under the host's keys.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param dangerId the hidden danger
 * @param kind what happened to it
 * @param expectedSequence the sequence of its last entry at or before the checkpoint's instant, as the checkpoint
 *     recorded it (0 if the checkpoint does not cover it)
 * @param foundSequence the same sequence as the store holds it now (0 if the store holds no such entry; for
 *     {@link Kind#CHAIN_BROKEN} the entry at fault)
 * @param detail what was compared, in words (hashes, the reason a chain fails); never a key
 * @since 0.2
 */
public record CheckpointFinding(HiddenDangerId dangerId, Kind kind, long expectedSequence, long foundSequence,
        String detail) {
    /** What happened to a hidden danger since the checkpoint. */
    public enum Kind {
        /**
         * Rolled back or truncated (回滚或截断): its last entry at or before the checkpoint's instant has a lower
         * sequence than the checkpoint recorded, entries were removed from its end.
         */
        ROLLED_BACK("回滚或截断", "rolled back or truncated"),
        /** Deleted (被删除): the checkpoint covers it, the store no longer holds it. */
        DELETED("被删除", "deleted"),
        /**
         * History rewritten (历史被改写): same sequence as the checkpoint recorded, a different hash: an entry at or
         * before the checkpoint's instant was changed and the hashes after it recomputed.
         */
        REWRITTEN("历史被改写", "history rewritten"),
        /**
         * Extended with back-dated entries (补录倒签记录): entries dated at or before the checkpoint's instant that
         * the checkpoint did not cover were added to its chain.
         */
        EXTENDED_BACKDATED("补录倒签记录", "extended with back-dated entries"),
        /**
         * Added with a back-dated history (倒签新增): the store holds it with entries at or before the checkpoint's
         * instant, the checkpoint does not cover it.
         */
        ADDED_BACKDATED("倒签新增", "added with a back-dated history"),
        /**
         * Its record fails verification (记录校验失败): the store refuses to load it (its snapshot disagrees with its
         * head entry), or, verified with the host's keys, an entry's HMAC does not match, an entry names an unknown
         * key id, or an unkeyed entry was written after keyed chaining began.
         */
        CHAIN_BROKEN("记录校验失败", "record fails verification");

        private final String chinese;
        private final String english;

        Kind(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        /** @return the label a safety manager reads, Chinese first: {@code 被删除 (deleted)} */
        public String label() {
            return chinese + " (" + english + ")";
        }
    }

    /** Checks the components. */
    public CheckpointFinding {
        Objects.requireNonNull(dangerId, "dangerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        if (expectedSequence < 0 || foundSequence < 0) {
            throw new IllegalArgumentException("sequences [" + expectedSequence + "] and [" + foundSequence
                    + "]; allowed: 0 or more");
        }
    }

    /** Renders as {@code 隐患 [HD-1] 回滚或截断 (rolled back or truncated): sequence 5 in the checkpoint, 3 now; …}. */
    @Override
    public String toString() {
        return "隐患 [" + dangerId + "] " + kind.label() + ": sequence " + expectedSequence + " in the checkpoint, "
                + foundSequence + " now" + (detail.isEmpty() ? "" : "; " + detail);
    }
}
