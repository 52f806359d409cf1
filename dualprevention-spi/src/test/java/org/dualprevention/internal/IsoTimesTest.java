package org.dualprevention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link IsoTimes} gives exactly what {@code java.time} gives: every date of two centuries and every month/day pair
 * of a leap, a common and a century year exhaustively, seeded random instants over years 0000–9999 with every
 * fraction length, and seeded mutations of valid texts (both sides must give the same value or the same exception
 * class and message). The seed is in every failure.
 */
class IsoTimesTest {
    private static final long SEED = 20261206L;
    private static final String NOISE = "0123456789-:TZzt.+ x";

    private static <T> void same(String text, Function<String, T> fast, Function<String, T> jdk, String what) {
        Object a;
        Object b;
        try {
            a = fast.apply(text);
        } catch (RuntimeException e) {
            a = e.getClass().getName() + ": " + e.getMessage();
        }
        try {
            b = jdk.apply(text);
        } catch (RuntimeException e) {
            b = e.getClass().getName() + ": " + e.getMessage();
        }
        assertEquals(b, a, what + " of [" + text + "] (seed " + SEED + ")");
    }

    @Test
    void everyDateOfTwoCenturiesAndEveryMonthDayPair() {
        for (LocalDate d = LocalDate.of(1900, 1, 1); d.getYear() < 2100; d = d.plusDays(1)) {
            String t = d.toString();
            if (!IsoTimes.parseDate(t).equals(d)) {
                fail("date " + t);
            }
            same(t + "T13:07:59Z", IsoTimes::parseInstant, Instant::parse, "instant");
        }
        for (int year : new int[] {0, 4, 100, 1900, 2000, 2024, 2026, 9999}) {
            for (int m = 0; m < 100; m++) {
                for (int d = 0; d < 100; d++) {
                    String t = String.format("%04d-%02d-%02d", year, m, d);
                    same(t, IsoTimes::parseDate, LocalDate::parse, "date");
                    same(t + "T00:00:00Z", IsoTimes::parseInstant, Instant::parse, "instant");
                }
            }
        }
        for (int h = 0; h < 100; h += 1) {
            for (int s = 0; s < 100; s += 3) {
                same(String.format("2026-11-02T%02d:%02d:%02dZ", h, s, 99 - s), IsoTimes::parseInstant, Instant::parse,
                        "instant");
            }
        }
    }

    @Test
    void randomInstantsFormatAndParseAsJavaTime() {
        Random r = new Random(SEED);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            long s = min + (long) (r.nextDouble() * (max - min));
            int nanos = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> r.nextInt(1000) * 1_000_000;
                case 2 -> r.nextInt(1_000_000) * 1_000;
                default -> r.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(s, nanos);
            String text = t.toString();
            assertEquals(text, IsoTimes.format(t), "format (seed " + SEED + ", i " + i + ")");
            assertEquals(t, IsoTimes.parseInstant(text), "parse (seed " + SEED + ", i " + i + ")");
            // every fraction length, trailing zeros kept
            String base = text.substring(0, 19);
            String nine = String.format("%09d", nanos);
            int len = 1 + r.nextInt(9);
            same(base + "." + nine.substring(0, len) + "Z", IsoTimes::parseInstant, Instant::parse, "fraction");
        }
        for (String edge : new String[] {"-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "1970-01-01T00:00:00Z"}) {
            Instant t = Instant.parse(edge);
            assertEquals(t.toString(), IsoTimes.format(t), edge);
            assertEquals(t, IsoTimes.parseInstant(edge), edge);
        }
        assertEquals(Instant.MIN.toString(), IsoTimes.format(Instant.MIN));
        assertEquals(Instant.MAX.toString(), IsoTimes.format(Instant.MAX));
    }

    @Test
    void mutatedTextsGiveTheSameValueOrTheSameError() {
        Random r = new Random(SEED);
        String[] seeds = {"2026-11-02T01:00:00Z", "2024-02-29T23:59:59.123456789Z", "2026-11-02T01:00:00.5Z",
            "2026-11-02", "2000-02-29"};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder t = new StringBuilder(seeds[r.nextInt(seeds.length)]);
            int edits = 1 + r.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = r.nextInt(t.length() + 1);
                switch (r.nextInt(3)) {
                    case 0 -> t.insert(at, NOISE.charAt(r.nextInt(NOISE.length())));
                    case 1 -> {
                        if (at < t.length()) {
                            t.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < t.length()) {
                            t.setCharAt(at, NOISE.charAt(r.nextInt(NOISE.length())));
                        }
                    }
                }
            }
            String text = t.toString();
            same(text, IsoTimes::parseInstant, Instant::parse, "instant (i " + i + ")");
            same(text, IsoTimes::parseDate, LocalDate::parse, "date (i " + i + ")");
        }
    }
}
