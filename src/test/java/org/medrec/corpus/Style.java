package org.medrec.corpus;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * How one clinic's page looks, drawn at random per document: typefaces and size, how a field is drawn, the
 * letterhead, date and phone formats, the spelling of each label, one or two columns, the resolution.
 * The truth's render_info records the choices. Not thread-safe (it holds the document's Random).
 */
final class Style {

    enum Field { UNDERLINED, BOXED, DOTTED, PLAIN }

    enum Letterhead { CENTERED, LOGO_LEFT, BLOCK_RIGHT }

    private static final List<String> DATES = List.of("MM/dd/yyyy", "M/d/yyyy", "MM-dd-yyyy", "yyyy-MM-dd",
            "MMMM d, yyyy", "MMM d, yyyy", "dd MMM yyyy", "MM.dd.yyyy");

    final Random random;
    final Fonts.Face face;
    final Fonts.Face heading;
    final Fonts.Face hand;
    final double size;
    final Field field;
    final Letterhead letterhead;
    final boolean twoColumns;
    final boolean shadedHeaders;
    final boolean upperCase;
    final int dpi;
    final int phoneForm;
    private final String datePattern;
    private final DateTimeFormatter dates;
    private final Map<String, String> labels = new LinkedHashMap<>();

    Style(Random random) {
        this.random = random;
        face = pick(Fonts.PRINT);
        heading = random.nextInt(3) == 0 ? pick(Fonts.PRINT) : face;
        hand = pick(Fonts.HAND);
        size = 9.5 + random.nextInt(5) * 0.5;
        field = pick(List.of(Field.values()));
        letterhead = pick(List.of(Letterhead.values()));
        twoColumns = random.nextBoolean();
        shadedHeaders = random.nextBoolean();
        upperCase = face.name().contains("mono") && random.nextInt(3) == 0;
        dpi = random.nextInt(3) == 0 ? 300 : 200;
        phoneForm = random.nextInt(4);
        datePattern = pick(DATES);
        dates = DateTimeFormatter.ofPattern(datePattern, Locale.US);
    }

    /** The label this page prints for {@code key}, drawn once from the synonyms and kept for the page. */
    String label(String key) {
        String label = labels.computeIfAbsent(key, k -> pick(Labels.synonyms(k)));
        return upperCase ? label.toUpperCase(Locale.US) : label;
    }

    String date(LocalDate d) {
        return d.format(dates);
    }

    /** A US phone (10 digits) in this clinic's way of writing it. */
    String phone(String digits) {
        String a = digits.substring(0, 3), b = digits.substring(3, 6), c = digits.substring(6);
        return switch (phoneForm) {
            case 0 -> "(" + a + ") " + b + "-" + c;
            case 1 -> a + "-" + b + "-" + c;
            case 2 -> a + "." + b + "." + c;
            default -> "(" + a + ")" + b + "-" + c;
        };
    }

    String cased(String s) {
        return upperCase ? s.toUpperCase(Locale.US) : s;
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** {@code n} distinct items in a random order. */
    <T> List<T> some(List<T> items, int n) {
        List<T> copy = new ArrayList<>(items);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    Map<String, Object> renderInfo() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("theme", face.name());
        info.put("heading_font", heading.name());
        info.put("size_pt", size);
        info.put("field_style", field.name().toLowerCase(Locale.ROOT));
        info.put("letterhead", letterhead.name().toLowerCase(Locale.ROOT));
        info.put("columns", twoColumns ? 2 : 1);
        info.put("date_style", datePattern);
        info.put("upper_case", upperCase);
        info.put("labels", Map.copyOf(labels));
        return info;
    }
}
