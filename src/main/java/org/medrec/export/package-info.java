/**
 * FHIR R4 export of the store: one Bundle per patient, with a DocumentReference and Provenance for the source of
 * every value ({@code shared/specs/fhir-export.md}).
 */
package org.medrec.export;
