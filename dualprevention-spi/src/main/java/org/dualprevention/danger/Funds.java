package org.dualprevention.danger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Money set aside for a rectification (资金落实): an exact amount and an ISO 4217 currency code.
 *
 * <p>The plan guard checks the amount is not negative ({@code plan.funds.amount}) and the code is a
 * known currency ({@code plan.funds.currency}). Zero is allowed: some rectifications cost nothing.
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @param amount the amount, exact
 * @param currency the ISO 4217 code, e.g. {@code CNY}
 * @since 0.1
 */
public record Funds(BigDecimal amount, String currency) {
    /** Checks the components are present. */
    public Funds {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * Funds in a currency.
     *
     * @param amount the amount
     * @param currency ISO 4217 code
     * @return the funds
     */
    public static Funds of(BigDecimal amount, String currency) {
        return new Funds(amount, currency);
    }

    /**
     * Funds in Chinese yuan (CNY).
     *
     * @param amount the amount as a decimal string, e.g. {@code "12000.00"}
     * @return the funds
     */
    public static Funds cny(String amount) {
        return new Funds(new BigDecimal(amount), "CNY");
    }
}
