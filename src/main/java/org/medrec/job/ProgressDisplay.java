package org.medrec.job;

/** Where the live progress line is drawn (a terminal); the CLI gives one only when stderr is a terminal. */
public interface ProgressDisplay {

    /** Draws the line in place of the previous one. */
    void show(String line);

    /** Erases the line (the run ended). */
    void clear();
}
