/**
 * The record model every stage shares ({@code shared/specs/record-model.md}): {@link org.medrec.record.ExtractedRecord}
 * (what a document or row says about one patient), its {@link org.medrec.record.FieldValue}s with their
 * {@link org.medrec.record.SourceRef} (page and box, or sheet, row and column), the outcomes of files and documents,
 * and the {@link org.medrec.record.ReviewPolicy} that decides what a person must see. Plain Java, no Spring.
 */
package org.medrec.record;
