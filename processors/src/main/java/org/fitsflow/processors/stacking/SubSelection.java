package org.fitsflow.processors.stacking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fitsflow.processors.analysis.SubQuality;
import org.fitsflow.processors.analysis.SubQualityReport;
import org.fitsflow.processors.parallel.ComputePool;

/**
 * Which subs a stack uses and how each maps onto the reference: subs that cannot be read or calibrated, subs
 * the quality report flags (when asked), subs of another size and subs whose stars do not match the
 * reference's are left out with the reason; then the {@link SubFilter} thresholds. The reference is the usable
 * sub with the most stars (then the smallest FWHM): the best-defined grid to align on.
 */
final class SubSelection {
    private final SubMeasurement reference;
    private final List<SubMeasurement> used;
    private final List<StackedFrame> frames;
    private final Map<SubMeasurement, RigidTransform> transforms;
    private final SubQualityReport report;

    private SubSelection(SubMeasurement reference, List<SubMeasurement> used, List<StackedFrame> frames,
                         Map<SubMeasurement, RigidTransform> transforms, SubQualityReport report) {
        this.reference = reference;
        this.used = used;
        this.frames = frames;
        this.transforms = transforms;
        this.report = report;
    }

    static SubSelection select(List<SubMeasurement> measured, StackingParameters parameters) throws StackingException {
        SubQualityReport report = SubQualityReport.of(measured.stream().map(m -> m.readable()
                ? new SubQuality(m.file(), m.header().summary().object(), m.header().summary().dateObs(),
                m.header().summary().exposureSeconds(), m.quality(), null, List.of())
                : m.failure()).toList());
        List<SubQuality> qualities = report.subs();
        SubMeasurement reference = chooseReference(measured, qualities, parameters.rejectFlagged());
        List<Optional<StarRegistration.Match>> matches = register(measured, qualities, reference, parameters);
        List<StackedFrame> frames = new ArrayList<>();
        Map<SubMeasurement, RigidTransform> transforms = new IdentityHashMap<>();
        for (int i = 0; i < measured.size(); i++) {
            SubMeasurement m = measured.get(i);
            SubQuality q = qualities.get(i);
            if (!m.readable()) {
                frames.add(StackedFrame.rejected(m.file(), null, q.reason()));
            } else if (isFlagged(q, parameters)) {
                frames.add(StackedFrame.rejected(m.file(), m.quality(), "flagged: " + q.reason()));
            } else if (!m.sameGeometry(reference)) {
                frames.add(StackedFrame.rejected(m.file(), m.quality(), String.format(Locale.ROOT,
                        "size %d x %d x %d differs from the reference %d x %d x %d", m.width(), m.height(), m.channels(),
                        reference.width(), reference.height(), reference.channels())));
            } else if (m == reference) {
                frames.add(StackedFrame.registered(m.file(), m.quality(), RigidTransform.IDENTITY, m.stars().count(), 0));
                transforms.put(m, RigidTransform.IDENTITY);
            } else {
                Optional<StarRegistration.Match> match = matches.get(i);
                if (match.isEmpty()) {
                    frames.add(StackedFrame.rejected(m.file(), m.quality(),
                            "registration failed: too few stars match the reference " + reference.file().getFileName()));
                } else {
                    StarRegistration.Match r = match.get();
                    frames.add(StackedFrame.registered(m.file(), m.quality(), r.transform(), r.matchedStars(),
                            r.rmsResidual()));
                    transforms.put(m, r.transform());
                }
            }
        }
        filter(measured, frames, transforms, reference, parameters.filter());
        List<SubMeasurement> used = measured.stream().filter(transforms::containsKey).toList();
        return new SubSelection(reference, used, frames, transforms, report);
    }

    /** The quality report of every sub from its first read, flagged as {@code analyze_subs} flags. */
    SubQualityReport report() {
        return report;
    }

    /**
     * Each sub's match with the reference, registered on all cores (each sub on its own: at 96 subs this was
     * seconds on one core); empty for the reference and for subs left out before registration.
     */
    private static List<Optional<StarRegistration.Match>> register(List<SubMeasurement> measured,
                                                                   List<SubQuality> qualities,
                                                                   SubMeasurement reference,
                                                                   StackingParameters parameters) {
        StarRegistration registration = new StarRegistration();
        return ComputePool.get(() -> IntStream.range(0, measured.size()).parallel().mapToObj(i -> {
            SubMeasurement m = measured.get(i);
            if (!m.readable() || isFlagged(qualities.get(i), parameters) || !m.sameGeometry(reference)
                    || m == reference) {
                return Optional.<StarRegistration.Match>empty();
            }
            return registration.register(reference.stars().stars(), m.stars().stars());
        }).toList());
    }

    private static boolean isFlagged(SubQuality quality, StackingParameters parameters) {
        return parameters.rejectFlagged() && quality.flagged();
    }

    SubMeasurement reference() {
        return reference;
    }

    /** The subs stacked, in input order. */
    List<SubMeasurement> used() {
        return used;
    }

    RigidTransform transformOf(SubMeasurement sub) {
        return transforms.get(sub);
    }

    /** Every sub's outcome in input order, the used ones with their weights ({@code coefficients} in the order of {@link #used}). */
    List<StackedFrame> withWeights(List<FrameCoefficients> coefficients) {
        List<StackedFrame> out = new ArrayList<>(frames);
        int f = 0;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).used()) {
                out.set(i, out.get(i).withWeights(coefficients.get(f++).weight()));
            }
        }
        return out;
    }

    /** Leaves out registered subs whose weighted FWHM is too high or roundness too low against the others'. */
    private static void filter(List<SubMeasurement> measured, List<StackedFrame> frames,
                               Map<SubMeasurement, RigidTransform> transforms, SubMeasurement reference, SubFilter filter) {
        List<SubMeasurement> candidates = measured.stream().filter(transforms::containsKey).toList();
        if (candidates.size() < 3) {
            return;
        }
        double[] wfwhm = WeightedFwhm.of(candidates);
        double[] roundness = candidates.stream().mapToDouble(m -> m.quality().roundness()).toArray();
        double[] wfwhmScale = medianAndSigma(wfwhm);
        double[] roundnessScale = medianAndSigma(roundness);
        for (int k = 0; k < candidates.size(); k++) {
            SubMeasurement m = candidates.get(k);
            if (m == reference) {
                continue;
            }
            String why = null;
            if (wfwhm[k] > wfwhmScale[0] + filter.wfwhmSigma() * wfwhmScale[1]) {
                why = String.format(Locale.ROOT, "filtered: weighted FWHM %.2f px above %.2f + %s sigma (%.2f)",
                        wfwhm[k], wfwhmScale[0], filter.wfwhmSigma(), wfwhmScale[1]);
            } else if (roundness[k] < roundnessScale[0] - filter.roundnessSigma() * roundnessScale[1]) {
                why = String.format(Locale.ROOT, "filtered: roundness %.3f below %.3f - %s sigma (%.3f)",
                        roundness[k], roundnessScale[0], filter.roundnessSigma(), roundnessScale[1]);
            }
            if (why != null) {
                int index = measured.indexOf(m);
                frames.set(index, frames.get(index).leftOut(why));
                transforms.remove(m);
            }
        }
    }

    /** Median and 1.4826 x MAD of the finite values. */
    private static double[] medianAndSigma(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double median = finite[finite.length / 2];
        double[] deviations = Arrays.stream(finite).map(v -> Math.abs(v - median)).sorted().toArray();
        return new double[] {median, 1.4826 * deviations[deviations.length / 2]};
    }

    private static SubMeasurement chooseReference(List<SubMeasurement> measured, List<SubQuality> qualities,
                                                  boolean rejectFlagged) throws StackingException {
        List<SubMeasurement> candidates = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            SubMeasurement m = measured.get(i);
            if (m.readable() && m.stars().count() > 0 && !(rejectFlagged && qualities.get(i).flagged())) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            String reasons = qualities.stream().filter(SubQuality::flagged)
                    .map(q -> q.file().getFileName() + ": " + q.reason()).collect(Collectors.joining("; "));
            throw new StackingException("no sub can be stacked: " + (reasons.isBlank() ? "no stars detected" : reasons));
        }
        return candidates.stream().max(Comparator.comparingInt((SubMeasurement m) -> m.stars().count())
                .thenComparing(m -> -m.quality().fwhmPixels())).orElseThrow();
    }
}
