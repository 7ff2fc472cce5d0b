package io.github.mpeventloop.internal.worker;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;

/**
 * Tells when a worker's heap stays above the recycling threshold: the heap in use after the last
 * collection (garbage not yet collected does not count) is over it. A cheap look at the heap in
 * use comes first, so the memory pools are read only when it could be true.
 */
final class HeapWatch {

    private final long thresholdBytes;
    private final List<MemoryPoolMXBean> heapPools;

    HeapWatch(long thresholdBytes) {
        this.thresholdBytes = thresholdBytes;
        this.heapPools = thresholdBytes > 0
                ? ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                        .toList()
                : List.of();
    }

    /** The heap after the last collection when it is over the threshold, else -1. */
    long exceeded() {
        if (thresholdBytes <= 0) {
            return -1;
        }
        Runtime runtime = Runtime.getRuntime();
        if (runtime.totalMemory() - runtime.freeMemory() <= thresholdBytes) {
            return -1;
        }
        long afterCollection = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            if (usage != null) {
                afterCollection += usage.getUsed();
            }
        }
        return afterCollection > thresholdBytes ? afterCollection : -1;
    }
}
