/**
 * The review queue and what technicians do with it, from the web UI or the CLI: claims, decisions
 * ({@link org.medrec.review.ReviewDecisions}), the release of a held document through the store's loader, patient
 * links, and the item pages (page images rendered again from the original).
 */
package org.medrec.review;
