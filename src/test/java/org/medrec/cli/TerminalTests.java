package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTests {

    @Test
    void shouldTakePseudoTerminalsAndConsolesForTerminalsButNotFilesOrPipes() {
        assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
        assertThat(Terminal.isTerminalDevice("/dev/tty")).isTrue();
        assertThat(Terminal.isTerminalDevice("/var/log/medrec/medrec.log")).isFalse();
        assertThat(Terminal.isTerminalDevice("pipe:[123456]")).isFalse();
        assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
    }

    @Test
    void shouldNotTakeTheTestsRedirectedStderrForATerminal() {
        // surefire's forked JVM writes stderr to a pipe or file
        assertThat(Terminal.stderrIsTerminal()).isFalse();
    }
}
