/**
 * The first stage: every file below {@code --input} fingerprinted (SHA-256), its format told by its content, opened
 * in a separate JVM by the parser that will read it later ({@link org.medrec.intake.IsolatedProber}), and accepted or
 * quarantined with a reason. No page images here: a file is a path and what its probe found.
 */
package org.medrec.intake;
