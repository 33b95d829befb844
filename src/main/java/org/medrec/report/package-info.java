/**
 * A run's summary ({@code migrate --json}) and reconciliation report (text, JSON, CSV, HTML): counts, outcomes and
 * reasons, never a patient value.
 */
package org.medrec.report;
