/**
 * Whether two registrations of one clinic may be the same person: blocking keys, field comparisons and a
 * Fellegi-Sunter score ({@link org.medrec.matching.PatientComparator}). Plain logic; the store asks it at load time.
 */
package org.medrec.matching;
