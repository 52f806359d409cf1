package org.dualprevention.json;

import tools.jackson.core.StreamReadConstraints;

/**
 * Read limits applied to every document and value read by this module, enforced by Jackson's
 * {@link StreamReadConstraints} while parsing (so an oversized input fails early, without being buffered).
 *
 * <p>The defaults are far above what a real register or ledger needs and far below what would let a
 * hostile document exhaust memory or CPU: nesting depth 32 (the deepest document nests 8 levels), strings
 * of at most 100,000 characters, property names of at most 256, numbers of at most 64 characters, and
 * documents of at most 4 GiB (a million hidden dangers take about 1 GiB).
 *
 * <p>An import holds one <i>item</i> at a time: one risk point with everything in it, one hidden danger
 * with its audit entries, the header of a document, or the lines of one hidden danger in an audit log. Each
 * item is bounded too, while it is read: at most {@value #DEFAULT_MAX_ITEM_VALUES} JSON values (every array,
 * object, property, string, number and literal counts one) and {@value #DEFAULT_MAX_ITEM_LENGTH} bytes (8 MiB)
 * by default, so that the memory an import needs is bounded for any input, whatever its shape. A real risk
 * point with a hundred hazards uses a few thousand values. The module's mapper applies the same limits to
 * each model value it reads. Breaking any limit ends the reading with a {@link JsonImportException} whose
 * pointer names the value.
 *
 * @param maxNestingDepth deepest nesting of arrays and objects
 * @param maxStringLength longest string value, in characters
 * @param maxNameLength longest property name, in characters
 * @param maxNumberLength longest number literal, in characters
 * @param maxDocumentLength longest document, in bytes (or characters for text sources)
 * @param maxItemValues most JSON values in one item
 * @param maxItemLength longest item, in bytes (or characters for text sources)
 * @since 0.1
 */
public record JsonLimits(int maxNestingDepth, int maxStringLength, int maxNameLength, int maxNumberLength,
        long maxDocumentLength, int maxItemValues, long maxItemLength) {

    /** The default nesting depth. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
    /** The default longest string value. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 100_000;
    /** The default longest property name. */
    public static final int DEFAULT_MAX_NAME_LENGTH = 256;
    /** The default longest number literal. */
    public static final int DEFAULT_MAX_NUMBER_LENGTH = 64;
    /** The default longest document: 4 GiB. */
    public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 4L << 30;
    /** The default most values in one item. */
    public static final int DEFAULT_MAX_ITEM_VALUES = 100_000;
    /** The default longest item: 8 MiB. */
    public static final long DEFAULT_MAX_ITEM_LENGTH = 8L << 20;

    /** Validates the limits: each must be positive. */
    public JsonLimits {
        check(maxNestingDepth, "maxNestingDepth");
        check(maxStringLength, "maxStringLength");
        check(maxNameLength, "maxNameLength");
        check(maxNumberLength, "maxNumberLength");
        check(maxItemValues, "maxItemValues");
        if (maxDocumentLength < 1) {
            throw new IllegalArgumentException("maxDocumentLength [" + maxDocumentLength + "] is not allowed; allowed: at least 1");
        }
        if (maxItemLength < 1) {
            throw new IllegalArgumentException("maxItemLength [" + maxItemLength + "] is not allowed; allowed: at least 1");
        }
    }

    private static void check(int v, String name) {
        if (v < 1) {
            throw new IllegalArgumentException(name + " [" + v + "] is not allowed; allowed: at least 1");
        }
    }

    /**
     * The default limits.
     *
     * @return the defaults listed in the class description
     */
    public static JsonLimits defaults() {
        return new JsonLimits(DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_NAME_LENGTH,
                DEFAULT_MAX_NUMBER_LENGTH, DEFAULT_MAX_DOCUMENT_LENGTH, DEFAULT_MAX_ITEM_VALUES, DEFAULT_MAX_ITEM_LENGTH);
    }

    /**
     * A copy with another document length limit.
     *
     * @param bytes the new limit
     * @return the copy
     */
    public JsonLimits withMaxDocumentLength(long bytes) {
        return new JsonLimits(maxNestingDepth, maxStringLength, maxNameLength, maxNumberLength, bytes, maxItemValues,
                maxItemLength);
    }

    /**
     * A copy with another nesting depth limit.
     *
     * @param depth the new limit
     * @return the copy
     */
    public JsonLimits withMaxNestingDepth(int depth) {
        return new JsonLimits(depth, maxStringLength, maxNameLength, maxNumberLength, maxDocumentLength, maxItemValues,
                maxItemLength);
    }

    /**
     * A copy with another string length limit.
     *
     * @param length the new limit
     * @return the copy
     */
    public JsonLimits withMaxStringLength(int length) {
        return new JsonLimits(maxNestingDepth, length, maxNameLength, maxNumberLength, maxDocumentLength, maxItemValues,
                maxItemLength);
    }

    /**
     * A copy with another limit on the values in one item.
     *
     * @param values the new limit
     * @return the copy
     */
    public JsonLimits withMaxItemValues(int values) {
        return new JsonLimits(maxNestingDepth, maxStringLength, maxNameLength, maxNumberLength, maxDocumentLength, values,
                maxItemLength);
    }

    /**
     * A copy with another limit on the length of one item.
     *
     * @param bytes the new limit
     * @return the copy
     */
    public JsonLimits withMaxItemLength(long bytes) {
        return new JsonLimits(maxNestingDepth, maxStringLength, maxNameLength, maxNumberLength, maxDocumentLength,
                maxItemValues, bytes);
    }

    StreamReadConstraints toConstraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNameLength(maxNameLength)
                .maxNumberLength(maxNumberLength)
                .maxDocumentLength(maxDocumentLength)
                .build();
    }
}
