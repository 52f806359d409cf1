package org.dualprevention.engine;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.dualprevention.risk.AssessmentId;

/**
 * The default source of assessment ids: text in the UUID form ({@code xxxxxxxx-xxxx-8xxx-yxxx-xxxxxxxxxxxx},
 * RFC 9562 version 8, "custom"), unique without a {@link SecureRandom} call per id.
 *
 * <p>The first 64 bits are drawn once per JVM from {@link SecureRandom} (60 random bits after the version
 * nibble); the last 64 bits are the variant and a 62-bit counter that starts at a random value and only
 * increases. So:
 * <ul>
 *   <li>within one JVM two ids never repeat (the counter would have to wrap 2<sup>62</sup> times);</li>
 *   <li>ids of two JVMs (two host instances, a restart) can repeat only if both drew the same 60-bit prefix
 *       and their counters overlap: with a million JVM starts the chance that any two share a prefix is
 *       about 4 × 10<sup>-7</sup>, against practically zero for {@link UUID#randomUUID()}'s 122 random bits.
 *       A host that needs more names its own ids ({@code Assessor.of(providers, ids)}, or an id on the
 *       request), as it would for any key it wants to control;</li>
 *   <li>ids are not secrets and must not be used as such (neither are {@code randomUUID} ones here: an id
 *       is a key printed on documents, not a capability).</li>
 * </ul>
 * Why not {@link UUID#randomUUID()}: every call takes the lock of one shared {@link SecureRandom}, which
 * cost more than the whole LEC evaluation and grading of an assessment (docs/BENCHMARKS.md, assess).
 *
 * <p>Thread-safe.
 */
final class AssessmentIds {
    private static final long PREFIX;
    private static final AtomicLong COUNTER;

    static {
        SecureRandom random = new SecureRandom();
        PREFIX = (random.nextLong() & ~0xF000L) | 0x8000L; // version 8 in bits 12–15
        COUNTER = new AtomicLong(random.nextLong() >>> 2);
    }

    private AssessmentIds() {
    }

    /** @return the next id */
    static AssessmentId next() {
        long low = (COUNTER.getAndIncrement() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // variant 10
        return AssessmentId.of(new UUID(PREFIX, low));
    }
}
