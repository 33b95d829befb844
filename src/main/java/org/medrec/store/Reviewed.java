package org.medrec.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A person's decision on a value, kept in its provenance: the review item, who decided, when. */
public record Reviewed(UUID reviewItemId, String reviewer, OffsetDateTime at) {
}
