package org.medrec.spreadsheet;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link LargeXlsxMemoryTests}: streams every row of a workbook's first
 * sheet through the header locator, and prints the row count, the heap still in use after a
 * garbage collection every 50,000 rows (flat if memory does not grow with the row count) and the
 * peak heap use.
 */
final class LargeXlsxReadCheck {

    private LargeXlsxReadCheck() {
    }

    public static void main(String[] args) throws Exception {
        long[] cells = {0};
        List<Long> liveMb = new ArrayList<>();
        SheetLayout layout;
        try (TableReader reader = TableReader.open(Path.of(args[0]))) {
            layout = new HeaderLocator().scan(reader, reader.sheets().get(0), row -> {
                cells[0] += row.row().cells().size();
                if (row.row().rowNumber() % 50_000 == 0) {
                    System.gc();
                    Runtime runtime = Runtime.getRuntime();
                    liveMb.add((runtime.totalMemory() - runtime.freeMemory()) >> 20);
                }
            });
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("dataRows=" + layout.dataRows() + " lastDataRow=" + layout.lastDataRow() + " cells=" + cells[0]
                + " liveMb=" + liveMb.toString().replace(" ", "") + " peakHeapMb=" + (peak >> 20)
                + " maxHeapMb=" + (Runtime.getRuntime().maxMemory() >> 20));
    }
}
