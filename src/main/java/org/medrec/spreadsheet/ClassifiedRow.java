package org.medrec.spreadsheet;

import java.util.Objects;

/**
 * A row with its role in the table and, for every role but {@link RowRole#DATA}, why: the reason a
 * caller gives when it skips the row. Reasons never quote cell values.
 */
public record ClassifiedRow(SheetRow row, RowRole role, String reason) {

    public ClassifiedRow {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(role, "role");
        if (role != RowRole.DATA && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + role + " row needs a reason");
        }
    }

    public boolean isData() {
        return role == RowRole.DATA;
    }
}
