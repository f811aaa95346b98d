package org.fitsflow.processors.calibration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fitsflow.processors.image.FitsHeader;
import org.fitsflow.processors.image.HeaderCard;
import org.fitsflow.processors.image.Image;

/**
 * The masters of one set of lights, and the calibration of each light with them, on the raw mosaic:
 * <ol>
 * <li>minus the master dark that matches the light (it holds the bias too), else minus the master bias;</li>
 * <li>divided by the master flat, normalised per colour ({@link FlatField}); flats are bias-subtracted first,
 * with the master bias, else with a master dark matching their own exposure;</li>
 * <li>the photosites that stand out in that master dark replaced by their same-colour neighbours
 * ({@link DefectMap}).</li>
 * </ol>
 * Values are not clipped: sky just above the bias goes slightly negative with its noise, and clipping it at zero
 * would raise the stacked background.
 */
public final class CalibrationMasters {
    private final SensorLayout layout;
    private final CalibrationParameters parameters;
    private final MasterFrame bias;
    private final DarkLibrary darks;
    private final MasterFrame flat;
    private final FlatField flatField;
    private final Map<MasterFrame, DefectMap> defects;
    private final List<String> history;

    private CalibrationMasters(SensorLayout layout, CalibrationParameters parameters, MasterFrame bias, DarkLibrary darks,
                               MasterFrame flat, FlatField flatField, Map<MasterFrame, DefectMap> defects,
                               List<String> history) {
        this.layout = layout;
        this.parameters = parameters;
        this.bias = bias;
        this.darks = darks;
        this.flat = flat;
        this.flatField = flatField;
        this.defects = defects;
        this.history = List.copyOf(history);
    }

    /**
     * Reads and combines the frames, one kind after the other.
     *
     * @param lights        the lights' photosite grid, which every frame must share
     * @param workDirectory where frames wait on disk to be combined (nothing is left there)
     * @throws CalibrationException naming the file and the reason when a frame cannot be used
     */
    public static CalibrationMasters build(CalibrationFrames frames, CalibrationParameters parameters,
                                           SensorLayout lights, Path workDirectory) throws IOException {
        CalibrationFrameReader reader = new CalibrationFrameReader(lights);
        MasterBuilder builder = new MasterBuilder(reader, lights, parameters, workDirectory);
        List<String> history = new ArrayList<>();
        MasterFrame bias = frames.biases().isEmpty() ? null
                : builder.build(CalibrationFrameType.BIAS, frames.biases(), MasterBuilder.Preparation.NONE,
                        new FrameConditions(null, null, null));
        DarkLibrary darks = DarkLibrary.build(frames.darks(), reader, builder, parameters);
        MasterFrame flat = null;
        FlatField flatField = null;
        if (!frames.flats().isEmpty()) {
            FlatOffset offset = FlatOffset.of(bias, darks, frames.flats(), reader, parameters);
            flat = builder.build(CalibrationFrameType.FLAT, frames.flats(), offset::normalised,
                    new FrameConditions(null, null, null));
            flatField = FlatField.of(flat, lights);
            history.add("calibration: master " + flat.describe() + ", " + offset.describe()
                    + ", normalised per colour");
        }
        Map<MasterFrame, DefectMap> defects = new IdentityHashMap<>();
        if (parameters.cosmetic()) {
            for (MasterFrame dark : darks.masters()) {
                defects.put(dark, DefectMap.of(dark, lights, parameters.hotSigma(), parameters.coldSigma()));
            }
        }
        if (bias != null) {
            history.add(0, "calibration: master " + bias.describe() + " (" + parameters.combination().yamlName() + ")");
        }
        for (MasterFrame dark : darks.masters()) {
            DefectMap map = defects.get(dark);
            history.add("calibration: master " + dark.describe() + " (" + parameters.combination().yamlName() + ")"
                    + (map == null ? "" : ", cosmetic correction of " + map.hotCount() + " hot and " + map.coldCount()
                    + " cold photosites"));
        }
        return new CalibrationMasters(lights, parameters, bias, darks, flat, flatField, defects, history);
    }

    /** Whether there is nothing to calibrate with: lights then pass unchanged. */
    public boolean isEmpty() {
        return bias == null && darks.isEmpty() && flat == null;
    }

    public Optional<MasterFrame> bias() {
        return Optional.ofNullable(bias);
    }

    public List<MasterFrame> darks() {
        return darks.masters();
    }

    public Optional<MasterFrame> flat() {
        return Optional.ofNullable(flat);
    }

    /**
     * The master dark a light taken in {@code conditions} is calibrated with; empty when there are no darks.
     *
     * @throws CalibrationException when there are darks and none matches the light
     */
    public Optional<MasterFrame> darkFor(FrameConditions conditions, String lightName) throws CalibrationException {
        return darks.isEmpty() ? Optional.empty() : Optional.of(darks.match(conditions, lightName, parameters));
    }

    /** One line per master, for the stack's HISTORY and the job's measurements. */
    public List<String> history() {
        return history;
    }

    /**
     * A calibrated copy of a light's mosaic (the input is left unchanged).
     *
     * @param conditions the light's exposure, gain and temperature ({@link FrameConditions#of})
     * @param lightName  how messages name the light
     * @throws CalibrationException when the light does not fit the sensor layout or no master dark matches it
     */
    public float[] calibrate(float[] mosaic, FrameConditions conditions, String lightName) throws CalibrationException {
        if (mosaic.length != layout.pixels()) {
            throw new CalibrationException(lightName + " has " + mosaic.length + " photosites, the calibration frames "
                    + layout.width() + " x " + layout.height());
        }
        float[] out = mosaic.clone();
        MasterFrame dark = darks.isEmpty() ? null : darks.match(conditions, lightName, parameters);
        float[] offset = dark != null ? dark.pixels() : bias != null ? bias.pixels() : null;
        if (offset != null) {
            for (int i = 0; i < out.length; i++) {
                out[i] -= offset[i];
            }
        }
        if (flatField != null) {
            flatField.divide(out);
        }
        if (dark != null && defects.containsKey(dark)) {
            defects.get(dark).correct(out, layout);
        }
        return out;
    }

    /** {@link #calibrate(float[], FrameConditions, String)} of an image, with a HISTORY card saying what was used. */
    public Image calibrate(Image light, String lightName) throws CalibrationException {
        if (light.channels() != 1 || light.width() != layout.width() || light.height() != layout.height()) {
            throw new CalibrationException(lightName + " is " + light.width() + " x " + light.height() + " x "
                    + light.channels() + "; the calibration frames are " + layout.width() + " x " + layout.height()
                    + " x 1");
        }
        FrameConditions conditions = FrameConditions.of(light.header());
        float[] calibrated = calibrate(light.plane(0), conditions, lightName);
        List<HeaderCard> cards = new ArrayList<>(light.header().cards());
        cards.add(new HeaderCard("HISTORY", null, "calibrated: " + String.join("; ", used(conditions, lightName))));
        return new Image(light.width(), light.height(), new float[][] {calibrated},
                new FitsHeader(cards, light.header().summary()));
    }

    private List<String> used(FrameConditions conditions, String lightName) throws CalibrationException {
        List<String> used = new ArrayList<>();
        if (!darks.isEmpty()) {
            used.add("master " + darks.match(conditions, lightName, parameters).describe());
        } else if (bias != null) {
            used.add("master " + bias.describe());
        }
        if (flat != null) {
            used.add("master " + flat.describe());
        }
        return used;
    }
}
