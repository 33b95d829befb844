package org.medrec.spreadsheet;

import java.io.IOException;
import org.medrec.record.Failures;

/**
 * A table file that cannot be read, with what is wrong and, when known, where: the sheet and the
 * row being read when it failed. Messages never hold cell values or the file's path.
 */
public final class TableReadException extends IOException implements Failures.Reasoned {

    /** Why the file cannot be read. */
    public enum Problem {
        /** A password is needed to open it. */
        ENCRYPTED,
        /** A format the readers do not read (Strict Open XML, BIFF5 and older, .xlsb, ...). */
        UNSUPPORTED,
        /** Broken: truncated, corrupt, or not what its container says. */
        DAMAGED,
        /** Built to attack a parser: a DOCTYPE (XML bomb, external entities) or a ZIP bomb. */
        HOSTILE
    }

    private final Problem problem;
    private final String sheet;
    private final int rowNumber;

    public TableReadException(Problem problem, String message, String sheet, int rowNumber, Throwable cause) {
        super(describe(problem, message, sheet, rowNumber), cause);
        this.problem = problem;
        this.sheet = sheet;
        this.rowNumber = rowNumber;
    }

    public TableReadException(Problem problem, String message, Throwable cause) {
        this(problem, message, null, 0, cause);
    }

    /** What is wrong and where, built by medrec from the kind of failure and its position: fit for a ledger entry. */
    @Override
    public String reason() {
        return super.getMessage();
    }

    public Problem problem() {
        return problem;
    }

    /** The sheet being read, or null. */
    public String sheet() {
        return sheet;
    }

    /** The last row number read before the failure (0 when none or unknown). */
    public int rowNumber() {
        return rowNumber;
    }

    private static String describe(Problem problem, String message, String sheet, int rowNumber) {
        String where = sheet == null ? "" : " (sheet '" + sheet + "'" + (rowNumber > 0 ? ", after row " + rowNumber : "") + ")";
        return switch (problem) {
            case ENCRYPTED -> "encrypted workbook: ";
            case UNSUPPORTED -> "unsupported format: ";
            case DAMAGED -> "damaged file: ";
            case HOSTILE -> "hostile file: ";
        } + message + where;
    }
}
