package org.dualprevention.jdbc;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.dualprevention.jdbc.internal.Codec;
import org.dualprevention.jdbc.internal.JsonCodec;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.RiskPoint;

/**
 * A stand-in codec for the types dualprevention-json does not serialise yet: it stores a reference document
 * {@code {"ref": "…"}} and keeps the value in this JVM. It lets the SQL side (versions, queries, paging,
 * audit) be tested while the JSON form is written; types the json module handles go through it.
 */
final class StandInCodec implements Codec {
    private static final Map<String, Object> VALUES = new ConcurrentHashMap<>();
    private final JsonCodec json = new JsonCodec();

    private static boolean jsonReady(Class<?> type) {
        return type == Organization.class || type == RiskPoint.class;
    }

    @Override
    public String write(Object value) {
        if (jsonReady(value.getClass())) {
            return json.write(value);
        }
        String ref = UUID.randomUUID().toString();
        VALUES.put(ref, value);
        return "{\"ref\":\"" + ref + "\"}";
    }

    @Override
    public <T> T read(String doc, Class<T> type, String where) {
        if (jsonReady(type)) {
            return json.read(doc, type, where);
        }
        String ref = doc.substring(doc.indexOf(":\"") + 2, doc.lastIndexOf('"'));
        return type.cast(VALUES.get(ref));
    }
}
