package org.medrec.extraction.validation;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times of day (appointment times) as 24-hour {@code HH:MM}.
 *
 * <p>Read: {@code 9:30}, {@code 09:30}, {@code 13:45}, {@code 9:30 AM}, {@code 1:00 p.m.},
 * {@code 12:00 AM} (00:00), {@code 12:15 PM} (12:15), seconds ({@code 09:30:00}; only whole
 * minutes), and four digits without a colon ({@code 0930}, {@code 1345}) as printed by line
 * printers. An hour over 12 with AM or PM, an hour over 23 or a minute over 59 is INVALID. OCR
 * letters inside the digits are repaired (corrected). Stateless and thread-safe.
 */
public final class ClinicalTimes {

    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2})(?:[:.](\\d{2})(?::(\\d{2}))?|(\\d{2}))?\\s*(?:([AaPp])\\.?\\s*[Mm]?\\.?)?");

    private ClinicalTimes() {
    }

    public static Normalized normalize(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        Ocr.Repaired repaired = Ocr.digitRuns(Text.squeeze(raw));
        Matcher m = TIME.matcher(repaired.text());
        if (!m.matches()) {
            return Normalized.invalid(Text.quote(raw) + " is not a time of day");
        }
        String minuteText = m.group(2) != null ? m.group(2) : m.group(4);
        String meridiem = m.group(5) == null ? null : m.group(5).toUpperCase(Locale.ROOT);
        if (minuteText == null && meridiem == null) {
            return Normalized.invalid(Text.quote(raw) + " is not a time of day (no minutes and no AM/PM)");
        }
        if (m.group(4) != null && m.group(1).length() != 2) {
            return Normalized.invalid(Text.quote(raw) + " is not a time of day");
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = minuteText == null ? 0 : Integer.parseInt(minuteText);
        if (m.group(3) != null && !m.group(3).equals("00")) {
            return Normalized.invalid(Text.quote(raw) + " has seconds; the record keeps whole minutes");
        }
        if (minute > 59) {
            return Normalized.invalid(Text.quote(raw) + ": there is no minute " + minute);
        }
        if (meridiem != null) {
            if (hour < 1 || hour > 12) {
                return Normalized.invalid(Text.quote(raw) + ": hour " + hour + " does not go with " + meridiem + "M");
            }
            hour = hour % 12 + (meridiem.equals("P") ? 12 : 0);
        } else if (hour > 23) {
            return Normalized.invalid(Text.quote(raw) + ": there is no hour " + hour);
        }
        return Normalized.ok(String.format(Locale.ROOT, "%02d:%02d", hour, minute), repaired.changed());
    }
}
