package org.medrec.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** Rotations of grayscale page images. Stateless, thread-safe. */
final class Rotation {

    private Rotation() {
    }

    /** Turns the image clockwise by 0, 90, 180 or 270 degrees, exactly (no resampling). */
    static BufferedImage quarterTurns(BufferedImage gray, int clockwiseDegrees) {
        int turns = Math.floorMod(clockwiseDegrees, 360) / 90;
        if (turns == 0) {
            return gray;
        }
        int w = gray.getWidth();
        int h = gray.getHeight();
        byte[] src = InkMask.pixels(gray);
        BufferedImage out = turns == 2 ? new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY)
                : new BufferedImage(h, w, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                byte v = src[row + x];
                switch (turns) {
                    case 1 -> dst[x * h + (h - 1 - y)] = v;           // (x, y) -> (h-1-y, x)
                    case 2 -> dst[(h - 1 - y) * w + (w - 1 - x)] = v; // (x, y) -> (w-1-x, h-1-y)
                    default -> dst[(w - 1 - x) * h + y] = v;         // (x, y) -> (y, w-1-x)
                }
            }
        }
        return out;
    }

    /** The quarter turn as a transform of (continuous) pixel coordinates, source to turned image. */
    static AffineTransform quarterTurnTransform(int clockwiseDegrees, int width, int height) {
        return switch (Math.floorMod(clockwiseDegrees, 360)) {
            case 0 -> new AffineTransform();
            case 90 -> new AffineTransform(0, 1, -1, 0, height, 0);    // (x, y) -> (h - y, x)
            case 180 -> new AffineTransform(-1, 0, 0, -1, width, height);
            case 270 -> new AffineTransform(0, -1, 1, 0, 0, width);    // (x, y) -> (y, w - x)
            default -> throw new IllegalArgumentException("not a quarter turn: " + clockwiseDegrees);
        };
    }

    /**
     * The transform that turns content by {@code clockwiseDegrees} about the image centre (positive =
     * clockwise on screen, as {@link AffineTransform#getRotateInstance(double)} with y pointing down).
     */
    static AffineTransform aboutCentre(double clockwiseDegrees, int width, int height) {
        return AffineTransform.getRotateInstance(Math.toRadians(clockwiseDegrees), width / 2.0, height / 2.0);
    }

    /**
     * Rotates the content by a small angle about the centre, bilinear, on a canvas of the same size; what
     * comes in from outside is white.
     */
    static BufferedImage byAngle(BufferedImage gray, double clockwiseDegrees) {
        int w = gray.getWidth();
        int h = gray.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(gray, aboutCentre(clockwiseDegrees, w, h), null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
