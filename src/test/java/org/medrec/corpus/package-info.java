/**
 * The labelled corpus of {@code scripts/bench fidelity} (docs/fidelity.md): synthetic charts of every document type
 * medrec reads, in layouts drawn at random ({@link org.medrec.corpus.Style}, {@link org.medrec.corpus.Layout}), with
 * their truth in the dev corpus's schema ({@link org.medrec.corpus.Truth}), degraded through the tiers of issue 14
 * ({@link org.medrec.corpus.Tier}, {@link org.medrec.corpus.Scanner}). Entry point:
 * {@link org.medrec.corpus.CorpusGenerator}.
 */
package org.medrec.corpus;
