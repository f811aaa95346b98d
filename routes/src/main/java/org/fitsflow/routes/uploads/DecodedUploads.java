package org.fitsflow.routes.uploads;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fitsflow.processors.image.Image;
import org.fitsflow.routes.config.FitsflowProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Images decoded while their upload was validated, kept for the job that usually follows within
 * seconds, so that the file is decoded once instead of twice. A job takes its image out (pipelines
 * modify planes in place, so an image serves one job). The newest uploads are kept up to an eighth of
 * the heap, and only softly: under memory pressure the collector drops them and the job reads the file.
 * Nothing is kept when jobs run in other processes (Redis workers, containers): they read the file.
 */
@Component
public class DecodedUploads {
    private record Entry(SoftReference<Image> image, long bytes) {
    }

    private final long capacityBytes;
    private final Map<Path, Entry> images = new LinkedHashMap<>();
    private long heldBytes;

    @Autowired
    public DecodedUploads(FitsflowProperties properties) {
        this(properties.runsJobsInProcess() ? Runtime.getRuntime().maxMemory() / 8 : 0);
    }

    DecodedUploads(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** Holds nothing: for processes that take no uploads (Redis workers). */
    public static DecodedUploads none() {
        return new DecodedUploads(0);
    }

    public synchronized void keep(Path file, Image image) {
        long bytes = image.pixelBytes();
        remove(file);
        if (bytes > capacityBytes) {
            return;
        }
        images.put(key(file), new Entry(new SoftReference<>(image), bytes));
        heldBytes += bytes;
        for (Iterator<Entry> oldest = images.values().iterator(); heldBytes > capacityBytes; ) {
            heldBytes -= oldest.next().bytes();
            oldest.remove();
        }
    }

    /** The image decoded from {@code file}, if still held; it is no longer held afterwards. */
    public synchronized Optional<Image> take(Path file) {
        Entry entry = remove(file);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.image().get());
    }

    private Entry remove(Path file) {
        Entry entry = images.remove(key(file));
        if (entry != null) {
            heldBytes -= entry.bytes();
        }
        return entry;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
