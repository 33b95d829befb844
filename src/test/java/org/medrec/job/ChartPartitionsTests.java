package org.medrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.medrec.job.ChartPartitions.ChartFile;
import org.medrec.job.ChartPartitions.IdRange;

class ChartPartitionsTests {

    @Test
    void shouldPutEveryFileInExactlyOnePartitionWhenTheRangesAreContiguous() {
        List<ChartFile> files = LongStream.rangeClosed(1, 37).mapToObj(id -> new ChartFile(id * 3, id % 5)).toList();

        List<IdRange> ranges = ChartPartitions.plan(files, 4);

        assertThat(ranges).hasSize(4).extracting(IdRange::name)
                .containsExactly("partition0", "partition1", "partition2", "partition3");
        assertThat(ranges.get(0).firstId()).isZero();
        assertThat(ranges.get(3).lastId()).isEqualTo(Long.MAX_VALUE);
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).firstId()).isEqualTo(ranges.get(i - 1).lastId() + 1);
        }
        for (ChartFile file : files) {
            assertThat(ranges).filteredOn(r -> r.contains(file.id())).hasSize(1);
        }
        assertThat(ranges.stream().mapToInt(IdRange::files).sum()).isEqualTo(37);
        assertThat(ranges.stream().mapToLong(IdRange::pages).sum())
                .isEqualTo(files.stream().mapToLong(ChartFile::pages).sum());
    }

    @Test
    void shouldBalancePagesRatherThanFilesWhenFilesDifferInLength() {
        // ids 1-4 have 30 pages each, ids 5-124 one page each: 240 pages in all
        List<ChartFile> files = new ArrayList<>();
        LongStream.rangeClosed(1, 4).forEach(id -> files.add(new ChartFile(id, 30)));
        LongStream.rangeClosed(5, 124).forEach(id -> files.add(new ChartFile(id, 1)));

        List<IdRange> ranges = ChartPartitions.plan(files, 2);

        assertThat(ranges.get(0).pages()).isEqualTo(120);
        assertThat(ranges.get(0).files()).isEqualTo(4);
        assertThat(ranges.get(1).pages()).isEqualTo(120);
        assertThat(ranges.get(1).files()).isEqualTo(120);
    }

    @Test
    void shouldKeepThePartitionCountWithEmptyPartitionsWhenThereAreFewerFilesThanPartitions() {
        List<IdRange> ranges = ChartPartitions.plan(List.of(new ChartFile(10, 2), new ChartFile(11, 1)), 4);

        assertThat(ranges).hasSize(4);
        assertThat(ranges).filteredOn(r -> r.files() > 0).hasSize(2);
        assertThat(ranges).filteredOn(r -> r.contains(10)).singleElement().extracting(IdRange::files).isEqualTo(1);
        assertThat(ranges).filteredOn(r -> r.contains(11)).singleElement().extracting(IdRange::files).isEqualTo(1);
    }

    @Test
    void shouldCoverEveryIdWithEmptyPartitionsWhenNoFileWaits() {
        List<IdRange> ranges = ChartPartitions.plan(List.of(), 3);

        assertThat(ranges).hasSize(3).allSatisfy(r -> assertThat(r.files()).isZero());
        assertThat(ranges).filteredOn(r -> r.contains(12345)).hasSize(1);
    }

    @Test
    void shouldCountAFileWithoutPagesAsOnePageWhenSpreadingFiles() {
        List<ChartFile> files = LongStream.rangeClosed(1, 6).mapToObj(id -> new ChartFile(id, 0)).toList();

        assertThat(ChartPartitions.plan(files, 3)).extracting(IdRange::files).containsExactly(2, 2, 2);
    }

    @Test
    void shouldRejectAPartitionCountBelowOneWhenPlanning() {
        assertThatThrownBy(() -> ChartPartitions.plan(List.of(), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
