package org.medrec.job;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a run's chart files into a fixed number of partitions for the workers: contiguous ranges
 * of source-file ids that together cover every id (0 to {@link Long#MAX_VALUE}), each holding about
 * the same number of pages (OCR time goes with pages, not files). A partition may be empty when
 * there are fewer files than partitions. Spring-free; immutable results; thread-safe.
 */
final class ChartPartitions {

    /** A chart file waiting to be read: its source-file id and its pages as intake counted them. */
    record ChartFile(long id, long pages) {
        ChartFile {
            if (pages < 0) {
                throw new IllegalArgumentException("pages must be 0 or more; got " + pages);
            }
        }
    }

    /** Partition {@code index}: the source-file ids {@code firstId..lastId} (inclusive), and what is in it now. */
    record IdRange(int index, long firstId, long lastId, int files, long pages) {
        IdRange {
            if (firstId < 0 || lastId < firstId - 1) {
                throw new IllegalArgumentException("not a range of ids: " + firstId + ".." + lastId);
            }
        }

        String name() {
            return "partition" + index;
        }

        boolean contains(long id) {
            return id >= firstId && id <= lastId;
        }
    }

    private ChartPartitions() {
    }

    /**
     * {@code count} partitions over {@code files} (in any order; ids distinct). A file with no page
     * count weighs one page, so that files alone still spread.
     */
    static List<IdRange> plan(List<ChartFile> files, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("partition count must be at least 1; got " + count);
        }
        List<ChartFile> sorted = files.stream().sorted(java.util.Comparator.comparingLong(ChartFile::id)).toList();
        long total = sorted.stream().mapToLong(ChartPartitions::weight).sum();
        List<List<ChartFile>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        long before = 0;
        for (ChartFile file : sorted) {
            // the partition in which the middle of this file's pages falls
            long middle2 = 2 * before + weight(file);
            int index = (int) Math.min(count - 1, middle2 * count / (2 * total));
            parts.get(index).add(file);
            before += weight(file);
        }
        List<IdRange> ranges = new ArrayList<>();
        long first = 0;
        for (int i = 0; i < count; i++) {
            List<ChartFile> part = parts.get(i);
            long last = i == count - 1 ? Long.MAX_VALUE : part.isEmpty() ? first - 1 : part.get(part.size() - 1).id();
            ranges.add(new IdRange(i, first, last, part.size(), part.stream().mapToLong(ChartFile::pages).sum()));
            first = last + 1;
        }
        return List.copyOf(ranges);
    }

    private static long weight(ChartFile file) {
        return Math.max(1, file.pages());
    }
}
