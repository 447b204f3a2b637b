package dev.reviewgate.examples.extract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for an extraction model. Like a real one it makes a plausible mistake
 * on its first pass (it takes the first amount it sees, the subtotal) and reports low confidence;
 * asked again, it takes the amount due, as a model would with the reviewer's hint in its prompt.
 */
final class InvoiceExtractor {

    /** The document the agent extracts from. */
    static final String INVOICE = """
            ACME CORP - INVOICE INV-991
            Subtotal: 300.00
            VAT: 25.00
            Total due: 325.00
            """;

    private static final Pattern AMOUNT = Pattern.compile("(?im)^(subtotal|total due):\\s*([0-9]+(?:\\.[0-9]+)?)$");

    /**
     * One extraction.
     *
     * @param fields     the extracted object (the snapshot)
     * @param confidence how sure the extractor is, the review policy's signal
     */
    record Extraction(Map<String, Object> fields, double confidence) {}

    /**
     * Extracts the invoice.
     *
     * @param instructions the reviewer's text instructions so far; any retry takes the amount due
     */
    Extraction extract(String document, List<String> instructions, boolean retried) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Matcher number = Pattern.compile("INV-[0-9]+").matcher(document);
        if (number.find()) {
            fields.put("invoice_number", number.group());
        }
        fields.put("vendor_name", document.startsWith("ACME CORP") ? "Acme Corp" : "unknown");
        boolean wantsDue = retried
                || instructions.stream()
                        .anyMatch(i -> i.toLowerCase(Locale.ROOT).contains("due"));
        Matcher amounts = AMOUNT.matcher(document);
        while (amounts.find()) {
            boolean due = amounts.group(1).equalsIgnoreCase("total due");
            if (due == wantsDue) {
                fields.put("total_amount", amountOf(amounts.group(2)));
                break;
            }
        }
        return new Extraction(fields, wantsDue ? 0.97 : 0.62);
    }

    /** Whole amounts as integers, so the snapshot reads {@code 325}, not {@code 325.0}. */
    private static Number amountOf(String text) {
        double value = Double.parseDouble(text);
        return value == Math.rint(value) ? (Number) (long) value : (Number) value;
    }
}
