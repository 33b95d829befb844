package org.medrec.spreadsheet.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a sheet seen so far, by a 128-bit fingerprint of their cells (MD5 of the cell texts:
 * two different rows share one with a probability far below one in 10^20 for a billion rows), in
 * an open-addressing table of primitive arrays (at most three quarters full): about 40 bytes per row, so a million-row sheet
 * needs some 40 MB instead of its rows' text. Not thread-safe.
 */
final class RowFingerprints {

    private long[] high = new long[1 << 10];
    private long[] low = new long[1 << 10];
    private int[] rows = new int[1 << 10];   // 0: free
    private int size;
    private final MessageDigest md5;

    RowFingerprints() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no MD5 in this JVM", e);
        }
    }

    /** The number of the first row with these cells: {@code rowNumber} itself when they are new. */
    int firstRowOf(List<String> cells, int rowNumber) {
        if (rowNumber < 1) {
            throw new IllegalArgumentException("row numbers start at 1");
        }
        for (String cell : cells) {
            md5.update(cell.getBytes(StandardCharsets.UTF_8));
            md5.update((byte) 0x1f);
        }
        ByteBuffer digest = ByteBuffer.wrap(md5.digest());
        long h = digest.getLong();
        long l = digest.getLong();
        int mask = rows.length - 1;
        for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (rows[i] == 0) {
                high[i] = h;
                low[i] = l;
                rows[i] = rowNumber;
                if (++size * 4 > rows.length * 3) {
                    grow();
                }
                return rowNumber;
            }
            if (high[i] == h && low[i] == l) {
                return rows[i];
            }
        }
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        int[] oldRows = rows;
        high = new long[oldRows.length * 2];
        low = new long[oldRows.length * 2];
        rows = new int[oldRows.length * 2];
        int mask = rows.length - 1;
        for (int j = 0; j < oldRows.length; j++) {
            if (oldRows[j] != 0) {
                long h = oldHigh[j];
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (rows[i] != 0) {
                    i = (i + 1) & mask;
                }
                high[i] = h;
                low[i] = oldLow[j];
                rows[i] = oldRows[j];
            }
        }
        Arrays.fill(oldRows, 0);
    }
}
