/**
 * The source-system mappings of {@code jobs/mappings} and what they make of a sheet: one record per patient, values
 * placed by path with their cell, bad rows kept apart with the kind of fault and their position.
 */
package org.medrec.spreadsheet.mapping;
