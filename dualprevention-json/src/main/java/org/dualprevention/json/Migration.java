package org.dualprevention.json;

import tools.jackson.databind.JsonNode;

/**
 * Turns one part of a document written in an older version into the next version. Migrations chain:
 * a version-0 document passes through the 0→1 migration, and so on up to the current version. Each works
 * on the streaming granularity of the import: top-level field names, header values and single items, so a
 * migrated import still runs in constant memory.
 *
 * <p>To change a document format: raise its current version, write a {@code Migration} from the previous
 * version, register it in the document's migration list, add a test with a document of the previous
 * version, and publish the new schema next to the old one (schemas are never edited once published).
 */
interface Migration {
    /** The version this migration reads; it produces {@code from() + 1}. */
    int from();

    /** The new name of a top-level field. */
    default String field(String name) {
        return name;
    }

    /** Migrates a header value (the value of a top-level field other than the item array), already renamed. */
    default JsonNode header(String field, JsonNode value) {
        return value;
    }

    /** Migrates one item of the item array. */
    default JsonNode item(JsonNode item) {
        return item;
    }
}
