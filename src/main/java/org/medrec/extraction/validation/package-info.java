/**
 * Validators and normalisers for the values medrec extracts, shared by chart OCR extraction and
 * spreadsheet import: dates, ICD-10-CM, NPI, CVX, CPT/HCPCS, money and ledger arithmetic, phones,
 * states and ZIP codes, sex, appointment status, medication route and frequency, vital signs,
 * names and times of day.
 *
 * <p>Every reader takes the raw text as read (an OCR word or a spreadsheet cell) and returns a
 * {@link org.medrec.extraction.validation.Normalized} (or a small record holding one); none throws
 * for bad input. A value is either in its record-model normal form and OK, or AMBIGUOUS or INVALID
 * with a problem a reviewer can act on: nothing is guessed. OCR repairs are limited to letters
 * read for digits inside digit runs, are marked {@code corrected}, and are never made where they
 * would allow two readings. Each rule that the source data leaves open is written in the Javadoc
 * of its class.
 *
 * <p>Everything here is plain Java without Spring, immutable and thread-safe.
 */
package org.medrec.extraction.validation;
