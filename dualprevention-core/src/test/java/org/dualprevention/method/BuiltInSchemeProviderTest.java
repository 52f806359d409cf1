package org.dualprevention.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.ServiceLoader;
import org.dualprevention.risk.SchemeId;
import org.dualprevention.spi.GradingScheme;
import org.dualprevention.spi.GradingSchemeProvider;
import org.junit.jupiter.api.Test;

/** The one provider of the shipped schemes contributes exactly the catalogue, with the ids it always had. */
class BuiltInSchemeProviderTest {
    @Test
    void contributesTheCatalogueInItsOrderWithTheShippedIds() {
        List<GradingScheme> schemes = new BuiltInSchemeProvider().schemes();
        assertSame(BuiltInSchemes.all(), schemes);
        assertEquals(List.of("LEC-V1", "LEC-V1-STRICT", "LEC-V2", "LEC-BINARY", "LEC-KINNEY", "LS-SHANDONG", "LS-ZGMKW",
                "LS-JHA", "LS-HUBEI", "MES-5", "MES-4", "MATRIX-5X5", "MATRIX-4X4-ENTERPRISE", "DIRECT"),
                schemes.stream().map(s -> s.id().value()).toList());
        assertEquals(List.of(BuiltInSchemes.LEC_V1_ID, BuiltInSchemes.LEC_V1_STRICT_ID, BuiltInSchemes.LEC_V2_ID,
                BuiltInSchemes.LEC_BINARY_ID, BuiltInSchemes.LEC_KINNEY_ID, BuiltInSchemes.LS_SHANDONG_ID,
                BuiltInSchemes.LS_ZGMKW_ID, BuiltInSchemes.LS_JHA_ID, BuiltInSchemes.LS_HUBEI_ID, BuiltInSchemes.MES_5_ID,
                BuiltInSchemes.MES_4_ID, BuiltInSchemes.MATRIX_5X5_ID, BuiltInSchemes.MATRIX_4X4_ENTERPRISE_ID,
                BuiltInSchemes.DIRECT_ID), schemes.stream().map(GradingScheme::id).toList());
    }

    @Test
    void isStableAndImmutable() {
        List<GradingScheme> first = new BuiltInSchemeProvider().schemes();
        assertEquals(first, new BuiltInSchemeProvider().schemes());
        assertThrows(UnsupportedOperationException.class, () -> first.add(BuiltInSchemes.lecV1()));
        assertThrows(UnsupportedOperationException.class, () -> first.remove(0));
    }

    @Test
    void isTheOnlySchemeProviderCoreRegisters() {
        List<Class<?>> found = ServiceLoader.load(GradingSchemeProvider.class).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertEquals(List.of(BuiltInSchemeProvider.class), found);
        assertEquals(List.of(), ServiceLoader.load(GradingScheme.class).stream().map(ServiceLoader.Provider::type).toList(),
                "core registers no scheme on its own any more");
        assertEquals(14, new BuiltInSchemeProvider().schemes().stream().map(GradingScheme::id).map(SchemeId::value)
                .distinct().count());
    }
}
