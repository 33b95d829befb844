package org.medrec.store;

/**
 * A demographic value on which two patients a person linked disagree: the record-model path, both
 * values, and the provenance row of each (the latest).
 */
public record Disagreement(String path, String kept, String other, Long keptProvenanceId, Long otherProvenanceId) {
}
