package org.medrec.samples;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A CMS-1500 claim form printed by a practice's billing software on plain paper: the blank NUCC
 * form (rendered from the fillable form of github.com/chrscato/hcfa-1500-reader, see
 * src/test/resources/samples/SOURCE.txt) with the claim typed into its boxes in capitals, as
 * billing software prints it. Positions are those of the form at 200 dpi.
 */
final class ClaimForms {

    private static final String BLANK = "/samples/cms1500-blank-200dpi.png";

    private ClaimForms() {
    }

    /** The claim of one visit with two service lines, at {@code scale} × 200 dpi. */
    static BufferedImage claim(SampleData.Patient p, SampleData.Provider provider, SampleData.Clinic clinic, double scale) {
        BufferedImage blank = blank();
        int w = (int) Math.round(blank.getWidth() * scale), h = (int) Math.round(blank.getHeight() * scale);
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.drawImage(blank, 0, 0, w, h, null);
        g.scale(scale, scale);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(28f));
        String[] dob = {two(p.dob().getMonthValue()), two(p.dob().getDayOfMonth()), Integer.toString(p.dob().getYear())};
        g.drawString(p.memberId().toUpperCase(), 1052, 322);
        g.drawString((p.last() + ", " + p.first()).toUpperCase(), 74, 386);
        g.drawString(dob[0], 662, 386);
        g.drawString(dob[1], 712, 386);
        g.drawString(dob[2], 766, 386);
        g.drawString(p.street().toUpperCase(), 74, 451);
        g.drawString(p.city().toUpperCase(), 74, 520);
        g.drawString(p.state(), 570, 520);
        g.drawString(p.zip(), 74, 592);
        String digits = p.phone().replaceAll("\\D", "");
        g.drawString(digits.substring(0, 3), 348, 592);
        g.drawString(digits.substring(3, 6) + "-" + digits.substring(6), 420, 592);
        g.drawString(p.memberId().replaceAll("-.*", "").toUpperCase() + "-GRP", 1052, 655);
        g.drawString(p.insurance().toUpperCase(), 1052, 855);
        g.drawString("E11.9", 98, 1328);
        g.drawString("I10", 357, 1328);
        String[] service = {two(SampleData.SERVICE_DATE.getMonthValue()), two(SampleData.SERVICE_DATE.getDayOfMonth()),
                two(SampleData.SERVICE_DATE.getYear() % 100)};
        line(g, 1532, service, "99213", "A", "125", "00", provider.npi());
        line(g, 1599, service, "83036", "A", "42", "50", provider.npi());
        g.drawString(p.mrn(), 520, 1921);
        g.drawString("167", 1130, 1921);
        g.drawString("50", 1210, 1921);
        g.drawString((provider.name() + " " + provider.credential()).toUpperCase(), 58, 2044);
        g.setFont(g.getFont().deriveFont(22f));
        g.drawString(clinic.name().toUpperCase(), 1052, 1990);
        g.drawString(clinic.addressLine().toUpperCase().replaceAll(",.*", ""), 1052, 2018);
        g.dispose();
        return page;
    }

    private static void line(Graphics2D g, int baseline, String[] date, String cpt, String pointer, String dollars,
                             String cents, String npi) {
        int[] dateX = {68, 121, 181, 241, 302, 363};
        for (int i = 0; i < 6; i++) {
            g.drawString(date[i % 3], dateX[i], baseline);
        }
        g.drawString("11", 432, baseline);
        g.drawString(cpt, 560, baseline);
        g.drawString(pointer, 966, baseline);
        g.drawString(dollars, 1180 - g.getFontMetrics().stringWidth(dollars), baseline);
        g.drawString(cents, 1194, baseline);
        g.drawString("1", 1262, baseline);
        g.drawString(npi, 1405, baseline);
    }

    private static String two(int n) {
        return String.format("%02d", n);
    }

    private static BufferedImage blank() {
        try (InputStream in = ClaimForms.class.getResourceAsStream(BLANK)) {
            return ImageIO.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
