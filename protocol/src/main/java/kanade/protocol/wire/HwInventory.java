package kanade.protocol.wire;

import java.time.Instant;
import java.util.List;

/** A hardware snapshot of one PC, published on {@code inventory.<pc_id>.hw}. */
public record HwInventory(
        String pcId,
        String hostname,
        String osName,
        String osVersion,
        String osBuild,
        String cpuModel,
        int cpuCores,
        long ramBytes,
        List<Disk> disks,
        Instant collectedAt) {

    public HwInventory {
        Fields.requiredText(pcId, "pc_id");
        Fields.required(collectedAt, "collected_at");
        disks = disks == null ? List.of() : List.copyOf(disks);
    }

    /** One fixed disk or volume. */
    public record Disk(String deviceId, long sizeBytes, long freeBytes, String fileSystem) {
        public Disk {
            Fields.requiredText(deviceId, "device_id");
        }
    }
}
