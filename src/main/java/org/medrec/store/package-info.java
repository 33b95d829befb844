/**
 * The record store (PostgreSQL): the ledger of source files, the pages as read, and the one way records enter it,
 * {@link org.medrec.store.RecordLoader} (charts, sheets in bulk, review releases, corrections, patient links), which
 * holds doubtful documents with their review items or loads records with their provenance.
 */
package org.medrec.store;
