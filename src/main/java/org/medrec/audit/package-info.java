/**
 * The append-only audit log: every change a person or a job makes ({@link org.medrec.audit.AuditLog}), and its
 * reading for admins ({@link org.medrec.audit.AuditEntries}).
 */
package org.medrec.audit;
