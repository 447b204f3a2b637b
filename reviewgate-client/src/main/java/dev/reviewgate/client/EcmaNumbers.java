package dev.reviewgate.client;

import java.math.BigDecimal;

/**
 * ECMAScript's {@code Number.prototype.toString} for doubles, which RFC 8785 prescribes for
 * numbers: the shortest digits that round-trip, written without an exponent from 1e-6 up to
 * 1e21, else as {@code 1.5e+21} / {@code 1e-7}.
 *
 * <p>The digits come from {@link Double#toString(double)}, which returns the shortest round-trip
 * representation since JDK 19 (JDK-4511638); the SDK needs JDK 21. One difference remains: where
 * one digit would do, Java may print two that are closer to the exact value ({@code 4.9E-324}
 * for {@code 5e-324}); ECMAScript wants the fewest digits, so that case is shortened here.
 */
final class EcmaNumbers {

    private EcmaNumbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("canonical JSON has no " + value + " (RFC 8785 §3.2.2.3)");
        }
        if (value == 0) {
            return "0"; // negative zero too
        }
        StringBuilder out = new StringBuilder();
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        String java = Double.toString(value);
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        // value = 0.digits × 10^n, in ECMAScript's terms (k digits, exponent n)
        int n = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits = digits.substring(lead);
        n -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        if (digits.length() == 2) {
            String one = oneDigit(value, digits, n);
            if (one != null) {
                return layout(out, one.substring(0, 1), n + (one.length() - 1)).toString();
            }
        }
        return layout(out, digits, n).toString();
    }

    /**
     * The one-digit decimal that reads back as {@code value}, the closer one if both neighbours do,
     * or null; a {@code "10"} result means the digit carried into the next power of ten.
     */
    private static String oneDigit(double value, String digits, int n) {
        int first = digits.charAt(0) - '0';
        BigDecimal exact = new BigDecimal(value);
        String best = null;
        BigDecimal bestDistance = null;
        for (int candidate : new int[] {first, first + 1}) {
            BigDecimal decimal = BigDecimal.valueOf(candidate).scaleByPowerOfTen(n - 1);
            if (candidate == 0 || decimal.doubleValue() != value) {
                continue;
            }
            BigDecimal distance = decimal.subtract(exact).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = Integer.toString(candidate);
                bestDistance = distance;
            }
        }
        return best;
    }

    private static StringBuilder layout(StringBuilder out, String digits, int n) {
        int k = digits.length();
        if (k <= n && n <= 21) {
            return out.append(digits).append("0".repeat(n - k));
        }
        if (0 < n && n <= 21) {
            return out.append(digits, 0, n).append('.').append(digits, n, k);
        }
        if (-6 < n && n <= 0) {
            return out.append("0.").append("0".repeat(-n)).append(digits);
        }
        int exponent = n - 1;
        out.append(digits.charAt(0));
        if (k > 1) {
            out.append('.').append(digits, 1, k);
        }
        return out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }
}
