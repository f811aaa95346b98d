package org.fitsflow.processors.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads the frames of one master one at a time into a spool, then combines them band by band. */
final class MasterBuilder {
    private final CalibrationFrameReader reader;
    private final SensorLayout layout;
    private final CalibrationParameters parameters;
    private final Path workDirectory;

    MasterBuilder(CalibrationFrameReader reader, SensorLayout layout, CalibrationParameters parameters,
                  Path workDirectory) {
        this.reader = reader;
        this.layout = layout;
        this.parameters = parameters;
        this.workDirectory = workDirectory;
    }

    /** What is done to each frame before it is spooled, e.g. a flat's bias subtraction and scaling. */
    @FunctionalInterface
    interface Preparation {
        Preparation NONE = (file, mosaic) -> mosaic;

        float[] apply(Path file, float[] mosaic) throws CalibrationException;
    }

    MasterFrame build(CalibrationFrameType type, List<Path> files, Preparation prepare,
                      FrameConditions conditions) throws IOException {
        try (FrameSpool spool = new FrameSpool(workDirectory, layout.width(), layout.height())) {
            for (Path file : files) {
                spool.append(prepare.apply(file, reader.mosaic(file, type)));
            }
            float[] pixels = MasterCombiner.combine(spool, layout, parameters.combination(), parameters.kappa());
            return new MasterFrame(type, conditions, files.size(), pixels);
        }
    }
}
