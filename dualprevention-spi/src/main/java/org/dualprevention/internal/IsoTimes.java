package org.dualprevention.internal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * ISO-8601 instants and dates read and written without {@code DateTimeFormatter} for the one shape the library
 * itself writes ({@code 2026-11-02T01:00:00Z}, {@code 2026-11-02T01:00:00.5Z}, {@code 2026-11-02}, years 0000 to
 * 9999). Every result equals what {@link Instant#parse}, {@link LocalDate#parse} and {@link Instant#toString()}
 * give; any other text (an offset, a leap second, a year of five digits, a day the month does not have) is passed to
 * them, so what they accept and refuse, and the exceptions they throw, are unchanged. The formatter is a quarter of
 * the cost of reading a stored hidden danger otherwise (snapshot and head entry hold half a dozen instants).
 */
public final class IsoTimes {
    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private IsoTimes() {
    }

    /**
     * The instant a text gives, as {@link Instant#parse} reads it.
     *
     * @param text the text
     * @return the instant
     * @throws java.time.format.DateTimeParseException as {@link Instant#parse} does
     */
    public static Instant parseInstant(CharSequence text) {
        int n = text.length();
        // yyyy-MM-ddTHH:mm:ssZ (20) or with a fraction of 1 to 9 digits
        if (n >= 20 && n <= 30 && n != 21 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = 0;
            boolean shape = true;
            if (n > 20) {
                shape = text.charAt(19) == '.';
                int frac = digits(text, 20, n - 1);
                shape &= frac >= 0;
                nanos = frac;
                for (int k = n - 1 - 20; k < 9; k++) {
                    nanos *= 10;
                }
            }
            if (shape && year >= 0 && validDate(year, month, day) && hour >= 0 && hour <= 23 && minute >= 0
                    && minute <= 59 && second >= 0 && second <= 59) {
                long epochDay = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(text);
    }

    /**
     * The date a text gives, as {@link LocalDate#parse} reads it.
     *
     * @param text the text
     * @return the date
     * @throws java.time.format.DateTimeParseException as {@link LocalDate#parse} does
     */
    public static LocalDate parseDate(CharSequence text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            if (year >= 0 && validDate(year, month, day)) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    /**
     * The text {@link Instant#toString()} gives: seconds always, the fraction in groups of three digits as needed.
     *
     * @param instant the instant
     * @return its ISO-8601 text
     */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        long day = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        if (day < -719_528L || day > 2_932_896L) { // outside 0000-01-01 .. 9999-12-31
            return instant.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        int nanos = instant.getNano();
        char[] c = new char[30];
        put(c, 0, date.getYear(), 4);
        c[4] = '-';
        put(c, 5, date.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, date.getDayOfMonth(), 2);
        c[10] = 'T';
        put(c, 11, secondOfDay / 3600, 2);
        c[13] = ':';
        put(c, 14, secondOfDay / 60 % 60, 2);
        c[16] = ':';
        put(c, 17, secondOfDay % 60, 2);
        int end = 19;
        if (nanos != 0) {
            c[end++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(c, end, nanos / 1_000_000, 3);
                end += 3;
            } else if (nanos % 1_000 == 0) {
                put(c, end, nanos / 1_000, 6);
                end += 6;
            } else {
                put(c, end, nanos, 9);
                end += 9;
            }
        }
        c[end++] = 'Z';
        return new String(c, 0, end);
    }

    private static boolean validDate(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]) {
            return false;
        }
        return month != 2 || day < 29 || (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0));
    }

    /** The value of ASCII digits {@code [from, to)}, or -1 if any is not one. */
    private static int digits(CharSequence s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
