/**
 * The command line of {@code shared/specs/cli.md} (picocli): each command opens the application it needs, prints only
 * its result on stdout and exits 0, 1, 2 or 3.
 */
package org.medrec.cli;
