package org.fitsflow.processors.calibration;

/** The kinds of calibration frame, with the upload type and the folder name that carry each. */
public enum CalibrationFrameType {
    BIAS("bias", "biases"), DARK("dark", "darks"), FLAT("flat", "flats");

    private final String fileType;
    private final String folder;

    CalibrationFrameType(String fileType, String folder) {
        this.fileType = fileType;
        this.folder = folder;
    }

    /** The {@code file_type} of an upload of this kind: {@code bias}, {@code dark} or {@code flat}. */
    public String fileType() {
        return fileType;
    }

    /** The folder that holds frames of this kind beside or inside the subs' folder: {@code biases}, {@code darks}, {@code flats}. */
    public String folder() {
        return folder;
    }
}
