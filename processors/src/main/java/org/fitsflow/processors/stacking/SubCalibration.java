package org.fitsflow.processors.stacking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.fitsflow.processors.calibration.CalibrationException;
import org.fitsflow.processors.calibration.CalibrationFrames;
import org.fitsflow.processors.calibration.CalibrationMasters;
import org.fitsflow.processors.calibration.CalibrationParameters;
import org.fitsflow.processors.calibration.FrameConditions;
import org.fitsflow.processors.calibration.MasterFrame;
import org.fitsflow.processors.calibration.SensorLayout;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.Image;

/**
 * The calibration of one stack's subs: the masters built once from the set's bias, dark and flat frames
 * ({@link CalibrationMasters}), applied to each sub's one plane (raw mosaic or mono) as it is read, before the
 * hot-photosite correction and the debayer. The calibration is the same on both reads of a sub, so the corrections
 * the first read finds fit the second. {@link #NONE} passes every sub unchanged, as a set without frames stacks.
 */
public final class SubCalibration {
    public static final SubCalibration NONE = new SubCalibration(null, Map.of());
    /** The text one HISTORY card holds. */
    private static final int CARD_TEXT = 72;

    private final CalibrationMasters masters;
    /** Subs stacked with each master dark, counted on the second read. */
    private final Map<MasterFrame, AtomicInteger> stackedWith;

    private SubCalibration(CalibrationMasters masters, Map<MasterFrame, AtomicInteger> stackedWith) {
        this.masters = masters;
        this.stackedWith = stackedWith;
    }

    /**
     * Builds the masters for {@code subs}, whose first readable sub gives the sensor layout every frame must share.
     *
     * @throws CalibrationException naming the frame and the reason when one cannot be used
     */
    public static SubCalibration build(CalibrationFrames frames, List<Path> subs, CalibrationParameters parameters,
                                       Path workDirectory) throws IOException {
        if (frames.isEmpty()) {
            return NONE;
        }
        CalibrationMasters masters = CalibrationMasters.build(frames, parameters, layout(subs), workDirectory);
        Map<MasterFrame, AtomicInteger> stackedWith = new IdentityHashMap<>();
        masters.darks().forEach(dark -> stackedWith.put(dark, new AtomicInteger()));
        return new SubCalibration(masters, stackedWith);
    }

    private static SensorLayout layout(List<Path> subs) throws IOException {
        IOException last = null;
        for (Path sub : subs) {
            try {
                return SensorLayout.of(FitsReader.readHeader(sub).summary());
            } catch (IOException e) {
                last = e;
            }
        }
        throw new CalibrationException("no sub can be read to match the calibration frames to: "
                + (last == null ? "no subs" : last.getMessage()), last);
    }

    /**
     * The sub calibrated (the same image when there is nothing to calibrate with).
     *
     * @throws CalibrationException naming the sub when it does not fit the frames or no master dark matches it
     */
    Image calibrate(Image sub, Path file) throws CalibrationException {
        if (masters == null) {
            return sub;
        }
        // the sub's own header: the master's HISTORY says once what calibrated all of them
        Image calibrated = masters.calibrate(sub, file.getFileName().toString());
        return new Image(sub.width(), sub.height(), new float[][] {calibrated.plane(0)}, sub.header());
    }

    /** {@link #calibrate}, counting the master dark the sub is stacked with. */
    Image calibrateStacked(Image sub, Path file) throws CalibrationException {
        Image calibrated = calibrate(sub, file);
        if (masters != null) {
            Optional<MasterFrame> dark = masters.darkFor(FrameConditions.of(sub.header()), file.getFileName().toString());
            dark.ifPresent(d -> stackedWith.get(d).incrementAndGet());
        }
        return calibrated;
    }

    /**
     * HISTORY lines: each master, how many subs each master dark calibrated, or that there was none; a line too
     * long for one card goes on in the next, indented.
     */
    public List<String> history() {
        List<String> cards = new ArrayList<>();
        for (String line : lines()) {
            String rest = line;
            while (rest.length() > CARD_TEXT) {
                int cut = rest.lastIndexOf(' ', CARD_TEXT);
                cards.add(rest.substring(0, cut));
                rest = "  " + rest.substring(cut + 1);
            }
            cards.add(rest);
        }
        return cards;
    }

    private List<String> lines() {
        if (masters == null) {
            return List.of("calibration: none (no bias, dark or flat frames)");
        }
        List<String> lines = new ArrayList<>(masters.history());
        for (MasterFrame dark : masters.darks()) {
            lines.add("calibration: dark (" + dark.conditions().describe() + ") on " + stackedWith.get(dark).get()
                    + " subs stacked");
        }
        return lines;
    }

    /**
     * For the job's measurements: {@code applied}, {@code bias_frames}, {@code darks} (each master dark's
     * {@code frames}, {@code exposure_seconds}, {@code gain}, {@code temperature_c} and {@code subs} stacked with
     * it), {@code flat_frames} and the {@code history} lines.
     */
    public Map<String, Object> measurements() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("applied", masters != null);
        out.put("bias_frames", masters == null ? 0 : masters.bias().map(MasterFrame::frameCount).orElse(0));
        List<Map<String, Object>> darks = new ArrayList<>();
        if (masters != null) {
            for (MasterFrame dark : masters.darks()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("frames", dark.frameCount());
                entry.put("exposure_seconds", dark.conditions().exposureSeconds());
                entry.put("gain", dark.conditions().gain());
                entry.put("temperature_c", dark.conditions().temperatureCelsius());
                entry.put("subs", stackedWith.get(dark).get());
                darks.add(entry);
            }
        }
        out.put("darks", darks);
        out.put("flat_frames", masters == null ? 0 : masters.flat().map(MasterFrame::frameCount).orElse(0));
        out.put("history", lines());
        return out;
    }
}
