package org.fitsflow.processors.calibration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds calibration frames laid out as capture programs and users keep them: folders {@code biases/},
 * {@code darks/} and {@code flats/} (or {@code bias/}, {@code dark/}, {@code flat/}, any case) inside the subs'
 * folder, else beside it. A folder's FITS files are taken by extension, hidden files left out, sorted by name.
 */
public final class CalibrationFolders {
    private static final Pattern FITS_NAME = Pattern.compile("(?i)[^.].*\\.(fit|fits|fts)(\\.gz|\\.fz)?");

    private CalibrationFolders() {
    }

    /** The calibration frames found for the subs in {@code subsFolder}; {@link CalibrationFrames#NONE} when none. */
    public static CalibrationFrames discover(Path subsFolder) throws IOException {
        Map<CalibrationFrameType, List<Path>> found = new EnumMap<>(CalibrationFrameType.class);
        for (CalibrationFrameType type : CalibrationFrameType.values()) {
            Optional<Path> folder = folder(subsFolder, type);
            found.put(type, folder.isPresent() ? fitsFiles(folder.get()) : List.of());
        }
        return new CalibrationFrames(found.get(CalibrationFrameType.BIAS), found.get(CalibrationFrameType.DARK),
                found.get(CalibrationFrameType.FLAT));
    }

    private static Optional<Path> folder(Path subsFolder, CalibrationFrameType type) throws IOException {
        List<Path> places = new ArrayList<>(List.of(subsFolder));
        if (subsFolder.toAbsolutePath().getParent() != null) {
            places.add(subsFolder.toAbsolutePath().getParent());
        }
        for (Path place : places) {
            if (!Files.isDirectory(place)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(place)) {
                Optional<Path> match = entries.filter(Files::isDirectory)
                        .filter(d -> named(d, type.folder()) || named(d, type.fileType()))
                        .sorted().findFirst();
                if (match.isPresent()) {
                    return match;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean named(Path directory, String name) {
        return directory.getFileName().toString().toLowerCase(Locale.ROOT).equals(name);
    }

    private static List<Path> fitsFiles(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(f -> FITS_NAME.matcher(f.getFileName().toString()).matches())
                    .sorted().toList();
        }
    }
}
