package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a batch file of decisions, as scripts write it. */
class ReviewBatchTests {

    @Test
    void shouldReadARecordEntryWithCellsAsARowFinishedWithItsCorrectedCells() {
        List<ReviewBatch.Entry> entries = ReviewBatch.read("""
                [{"id": "6e801764-0000-4000-8000-000000000001", "action": "record", "cells": {"D": "1971-02-03", "F": null}},
                 {"id": "6e801764-0000-4000-8000-000000000002", "action": "record", "doc_type": "intake", "records": []}]""");

        assertThat(entries.get(0).decision()).isEqualTo(new Decision.Row(Map.of("D", "1971-02-03", "F", "")));
        assertThat(entries.get(0).decision().action()).isEqualTo("record");
        assertThat(entries.get(1).decision()).isInstanceOf(Decision.Record.class);
    }
}
