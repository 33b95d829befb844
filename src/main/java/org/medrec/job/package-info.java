/**
 * The Spring Batch migration job (intake, sheets, chart pages) and what drives it: the flow
 * ({@link org.medrec.job.MigrationJobConfiguration}), thin readers, processors and writers over the stages, progress,
 * and remote workers over ActiveMQ Artemis.
 */
package org.medrec.job;
