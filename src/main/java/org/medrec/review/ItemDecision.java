package org.medrec.review;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.medrec.record.SourceRef;

/**
 * A decided review item of a held document, as a release applies it: which record
 * ({@code recordIndex}, null for the whole document) and path, the decision ({@code accept},
 * {@code value}, {@code reject}), the decided value (the proposed one for accept), the reject
 * reason, who decided and when, and where the item points in the source ({@code where}, for a
 * value a person typed that extraction did not have).
 */
record ItemDecision(UUID id, Integer recordIndex, String field, String decision, String value, String rejectReason,
                    String decidedBy, OffsetDateTime decidedAt, SourceRef where) {

    boolean isReject() {
        return decision.equals("reject");
    }
}
