package org.medrec.corpus;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

/**
 * CMS-1500 (02/12) claims as billing software prints them onto the NUCC form: the pre-printed form in red
 * drop-out ink (with its shaded service-line bands) or a black copy of it, the claim typed in capitals in a
 * monospaced or sans face, the whole print shifted a little as on a sheet fed by hand. Every box a claim
 * usually has is filled (insured, referring provider, tax ID, totals, facility), but the truth holds only what
 * medrec's jobs/forms/cms1500.yml reads: patient name, birth date, address, phone, insured ID, group, plan,
 * the diagnoses, each service line's date, code and charge, the first line's NPI, the signing provider, and the
 * patient's account number (box 26) as the MRN.
 */
final class Claims {

    static final Color DROP_OUT_RED = new Color(226, 40, 58);
    private static final Color BAND_PINK = new Color(251, 224, 229);
    private static final String BLANK = "/samples/cms1500-blank-200dpi.png";
    /** Baselines of the six service lines (box 24) at 200 dpi. */
    private static final int[] LINES = {1532, 1599, 1666, 1732, 1799, 1862};
    private static final int[][] DX = {{98, 1328}, {357, 1328}, {615, 1328}, {875, 1328}, {98, 1362}, {357, 1362}};

    static Document claim(People people, People.Clinic clinic, Style style, boolean red) {
        People.Patient p = people.patient(clinic);
        People.Provider doctor = people.provider();
        Map<String, Object> record = Truth.record(p, true);
        boolean middle = p.middle() != null;
        Truth.patient(record).put("birth_date", p.dob().toString());
        String street = p.address().line() + (p.address().line2() == null ? "" : " " + p.address().line2());
        Truth.patient(record).put("address", Truth.entry("line", List.of(street), "city", p.address().city(),
                "state", p.address().state(), "postal_code", p.address().zip()));
        Truth.patient(record).put("phone", p.phone());
        Truth.coverage(record, p.coverage());

        Sheet sheet = new Sheet(style.dpi);
        if (red) {
            for (int line : LINES) {
                sheet.fill(pt(56), pt(line - 43), pt(1584), pt(22), BAND_PINK);
            }
        }
        sheet.backdrop(form(red), 0, 0);
        Fonts.Face face = style.pick(List.of(Fonts.PRINT.get(4), Fonts.PRINT.get(5), Fonts.PRINT.get(2),
                Fonts.PRINT.get(0)));
        double size = 9 + style.random.nextInt(4) * 0.5;
        sheet.font(face, false, size);
        sheet.color(Sheet.INK);
        int dx = style.random.nextInt(25) - 12, dy = style.random.nextInt(21) - 10;
        Typist t = new Typist(sheet, dx, dy);

        t.put("patient.insurance[0].member_id", p.coverage().memberId().toUpperCase(Locale.US), 1052, 322);
        t.put(null, (p.family() + ", " + p.given() + (middle ? " " + p.middle() : "")).toUpperCase(Locale.US), 74, 386);
        t.put(null, String.format("%02d", p.dob().getMonthValue()), 662, 386);
        t.put(null, String.format("%02d", p.dob().getDayOfMonth()), 712, 386);
        t.put(null, Integer.toString(p.dob().getYear()), 766, 386);
        t.put(null, "X", p.sex().equals("male") ? 878 : 982, 384);
        boolean self = style.chance(0.6);
        t.put(null, self ? "SAME" : (p.family() + ", " + style.pick(List.of("DANA", "LEE", "JORDAN"))).toUpperCase(),
                1052, 386);
        t.put("patient.address.line[0]", street.toUpperCase(Locale.US), 74, 451);
        t.put("patient.address.city", p.address().city().toUpperCase(Locale.US), 74, 520);
        t.put("patient.address.state", p.address().state(), 570, 520);
        t.put("patient.address.postal_code", p.address().zip(), 74, 592);
        t.put(null, p.phone().substring(0, 3), 348, 592);
        t.put("patient.phone", p.phone().substring(3, 6) + "-" + p.phone().substring(6), 420, 592);
        if (!self) {
            t.put(null, street.toUpperCase(Locale.US), 1052, 451);
            t.put(null, p.address().city().toUpperCase(Locale.US), 1052, 520);
        }
        t.put("patient.insurance[0].group", p.coverage().group(), 1052, 655);
        t.put("patient.insurance[0].payer", p.coverage().payer().toUpperCase(Locale.US), 1052, 855);
        t.put(null, "SIGNATURE ON FILE", 160, 1050);
        t.put(null, "SIGNATURE ON FILE", 1150, 1050);

        LocalDate visit = LocalDate.of(2019, 1, 1).plusDays(style.random.nextInt(1990));
        List<Clinical.Diagnosis> codes = new ArrayList<>(style.some(Clinical.DIAGNOSES,
                1 + style.random.nextInt(4)));
        boolean dotless = style.random.nextBoolean();
        List<Map<String, Object>> diagnoses = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i).code();
            diagnoses.add(Truth.entry("code", code, "display", null));
            t.put("encounters[0].diagnoses[" + i + "].code", dotless ? code.replace(".", "") : code, DX[i][0], DX[i][1]);
        }
        int lines = 1 + style.random.nextInt(codes.size() > 1 ? 5 : 3);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        Set<String> billed = new HashSet<>();
        LocalDate date = visit;
        for (int i = 0; i < lines; i++) {
            Clinical.Procedure proc = people.pick(Clinical.PROCEDURES);
            while (!billed.add(proc.cpt())) {
                proc = people.pick(Clinical.PROCEDURES);
            }
            if (i > 0 && style.chance(0.2)) {
                date = date.plusDays(1 + style.random.nextInt(10));
            }
            int units = 1 + style.random.nextInt(2);
            BigDecimal charge = new BigDecimal(proc.fee()).multiply(BigDecimal.valueOf(units));
            total = total.add(charge);
            Truth.list(record, "charges").add(Truth.entry("date", date.toString(), "cpt", proc.cpt(),
                    "charge", charge.toPlainString()));
            int y = LINES[i];
            String[] d = {String.format("%02d", date.getMonthValue()), String.format("%02d", date.getDayOfMonth()),
                    String.format("%02d", date.getYear() % 100)};
            int[] dateX = {68, 121, 181, 241, 302, 363};
            for (int k = 0; k < 6; k++) {
                t.put(k == 0 ? "charges[" + i + "].date" : null, d[k % 3], dateX[k], y);
            }
            t.put(null, style.pick(List.of("11", "11", "22", "02")), 432, y);
            t.put("charges[" + i + "].cpt", proc.cpt(), 560, y);
            if (style.chance(0.2)) {
                t.put(null, style.pick(List.of("25", "59", "GT")), 690, y);
            }
            t.put(null, "ABCD".substring(0, 1 + style.random.nextInt(Math.min(3, codes.size()))), 966, y);
            String[] money = charge.toPlainString().split("\\.");
            t.right("charges[" + i + "].charge", money[0], 1180, y);
            t.put(null, money[1], 1194, y);
            t.put(null, Integer.toString(units), 1262, y);
            t.put(i == 0 ? "encounters[0].npi" : null, doctor.npi(), 1405, y);
        }
        String provider = (doctor.first() + " " + doctor.last() + " " + doctor.credential()).toUpperCase(Locale.US);
        Truth.list(record, "encounters").add(Truth.entry("date", visit.toString(), "provider", provider,
                "npi", doctor.npi(), "diagnoses", diagnoses));
        t.put(null, people.digits(2) + "-" + people.digits(7), 60, 1921);
        t.put("mrn", p.mrn(), 520, 1921);
        String[] sum = total.toPlainString().split("\\.");
        t.right(null, sum[0], 1180, 1921);
        t.put(null, sum[1], 1210, 1921);
        t.put(null, "0", 1380, 1921);
        t.put(null, "00", 1420, 1921);
        t.put("encounters[0].provider", provider, 58, 2044);
        t.put(null, String.format("%02d/%02d/%04d", visit.getMonthValue(), visit.getDayOfMonth(), visit.getYear()),
                300, 2074);
        sheet.font(face, false, size * 0.85);
        String name = clinic.name().toUpperCase(Locale.US);
        t.put(null, name, 540, 1990);
        t.put(null, clinic.street().toUpperCase(Locale.US), 540, 2018);
        t.put(null, clinic.cityLine().toUpperCase(Locale.US), 540, 2046);
        t.put(null, name, 1052, 1990);
        t.put(null, clinic.street().toUpperCase(Locale.US), 1052, 2018);
        t.put(null, clinic.cityLine().toUpperCase(Locale.US), 1052, 2046);
        t.put(null, clinic.area(), 1372, 1958);
        t.put(null, "555-0142", 1440, 1958);
        t.put(null, people.npi(), 1075, 2082);

        Map<String, Object> info = style.renderInfo();
        info.put("theme", face.name());
        info.put("ink", red ? "red" : "black");
        info.put("offset_px_200dpi", List.of(dx, dy));
        info.put("icd_dots", !dotless);
        return new Document("cms1500", red ? "gen-cms1500-red" : "gen-cms1500-black", clinic, List.of(sheet), record,
                List.of(), red, info);
    }

    /** Types at positions measured on the 200-dpi form, shifted by the sheet's misfeed. */
    private record Typist(Sheet sheet, int dx, int dy) {

        void put(String path, String text, int x, int baseline) {
            sheet.value(path, text, pt(x + dx), pt(baseline + dy));
        }

        void right(String path, String text, int right, int baseline) {
            sheet.value(path, text, pt(right + dx) - sheet.width(text), pt(baseline + dy));
        }
    }

    private static double pt(int px200) {
        return px200 * 72 / 200.0;
    }

    /** The blank form, its black printing turned to drop-out red for a red form. */
    private static BufferedImage form(boolean red) {
        BufferedImage blank;
        try (InputStream in = Claims.class.getResourceAsStream(BLANK)) {
            blank = ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BufferedImage out = new BufferedImage(blank.getWidth(), blank.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int ink = (red ? DROP_OUT_RED : new Color(30, 30, 30)).getRGB();
        for (int y = 0; y < blank.getHeight(); y++) {
            for (int x = 0; x < blank.getWidth(); x++) {
                if ((blank.getRGB(x, y) & 0xff) < 128) {
                    out.setRGB(x, y, ink);
                }
            }
        }
        return out;
    }

    private Claims() {
    }
}
