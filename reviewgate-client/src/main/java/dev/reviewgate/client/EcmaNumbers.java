package dev.reviewgate.client;

/**
 * ECMAScript's {@code Number.prototype.toString} for doubles, which RFC 8785 prescribes for
 * numbers: the shortest digits that round-trip, written without an exponent from 1e-6 up to
 * 1e21, else as {@code 1.5e+21} / {@code 1e-7}.
 *
 * <p>The digits come from {@link Double#toString(double)}, which returns the shortest round-trip
 * representation since JDK 19 (JDK-4511638); the SDK needs JDK 21. Only the layout differs.
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
        return layout(out, digits, n).toString();
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
