package org.fitsflow.processors.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.stacking.DrizzleParameters;
import org.fitsflow.processors.calibration.CalibrationParameters;
import org.fitsflow.processors.calibration.Combination;
import org.fitsflow.processors.stacking.Interpolation;
import org.fitsflow.processors.stacking.Framing;
import org.fitsflow.processors.stacking.Normalisation;
import org.fitsflow.processors.stacking.StackingParameters;
import org.fitsflow.processors.stacking.SubFilter;
import org.fitsflow.processors.stacking.Weighting;
import org.fitsflow.processors.stacking.rejection.RejectionAlgorithm;
import org.fitsflow.processors.stacking.rejection.RejectionParameters;
import org.junit.jupiter.api.Test;

class PipelineLoaderTest {
    private final PipelineLoader loader = new PipelineLoader();

    @Test
    void readsStepsAndExportsWithTheirParameters() {
        PipelineDefinition pipeline = loader.parse("""
                name: preview
                description: stretch and two pictures
                steps:
                  - step: histogram_stretch
                    mode: linked
                exports:
                  - format: jpeg
                    quality: 90
                  - format: tiff
                    bits: 16
                    compression: lzw
                """);

        assertThat(pipeline.name()).isEqualTo("preview");
        assertThat(pipeline.description()).isEqualTo("stretch and two pictures");
        assertThat(pipeline.steps()).containsExactly(new StepSpec("histogram_stretch", Map.of("mode", "linked")));
        assertThat(pipeline.exports()).containsExactly(new ExportSpec("jpeg", Map.of("quality", 90)),
                new ExportSpec("tiff", Map.of("bits", 16, "compression", "lzw")));
    }

    @Test
    void readsWhatAPipelineRunsOverAndItsStackingSettings() {
        PipelineDefinition stack = loader.parse("""
                name: my_stack
                subs: stack
                stacking:
                  normalisation: additive
                  rejection: linear_fit
                  kappa_low: 4
                  kappa_high: 2.5
                  iterations: 5
                  gesd_outliers: 0.2
                  gesd_significance: 0.01
                  weighting: star_count
                  filter_wfwhm_sigma: 2
                  filter_roundness_sigma: 3
                  reject_flagged: false
                  interpolation: Bilinear
                  framing: keep
                  rejection_maps: true
                  quality_report: true
                  debayer: Bilinear
                exports: [{format: fits}]
                """);
        PipelineDefinition stackWithDefaults = loader.parse("name: s\nsubs: stack\nstacking: {kappa: 2.0}\nexports: [{format: fits}]\n");
        PipelineDefinition analyze = loader.parse("name: a\nsubs: analyze\nexports: [{format: jpeg}]\n");
        PipelineDefinition oneFile = loader.parse("name: one\nexports: [{format: jpeg}]\n");

        assertThat(stack.subs()).isEqualTo(SubsMode.STACK);
        assertThat(stack.stacking()).isEqualTo(new StackingParameters(Normalisation.ADDITIVE,
                new RejectionParameters(RejectionAlgorithm.LINEAR_FIT, 4, 2.5, 5, 0.2, 0.01), Weighting.STAR_COUNT,
                new SubFilter(2, 3), false, Interpolation.BILINEAR, Framing.KEEP, true,
                StackingParameters.DEFAULTS.detection(), true, DebayerMethod.BILINEAR, Optional.empty(),
                CalibrationParameters.DEFAULTS));
        assertThat(StackingParameters.DEFAULTS.debayer()).isEqualTo(DebayerMethod.RCD);
        assertThat(stackWithDefaults.stacking()).isEqualTo(StackingParameters.DEFAULTS.withRejection(
                new RejectionParameters(RejectionAlgorithm.WINSORIZED, 2.0, 2.0, 5, 0.3, 0.05)));
        assertThat(StackingSection.fromMap(StackingSection.toMap(stack.stacking()))).isEqualTo(stack.stacking());
        assertThat(analyze.overSubs()).isTrue();
        assertThat(analyze.stacking()).isNull();
        assertThat(oneFile.subs()).isEqualTo(SubsMode.ONE_FILE);
        assertThat(oneFile.overSubs()).isFalse();
    }

    @Test
    void refusesBadSubsAndStackingSettingsNamingTheProblem() {
        String exports = "exports: [{format: fits}]\n";
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stacked\n" + exports))
                .hasMessage("subs must be analyze, stack or combine (a pipeline over a set of files), got 'stacked'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: true\n" + exports))
                .hasMessage("subs must be analyze, stack or combine (a pipeline over a set of files), got true");
        assertThatThrownBy(() -> loader.parse("name: q\nstacking: {kappa: 3}\n" + exports))
                .hasMessage("stacking: only a pipeline with subs: stack stacks, this one has no subs key (it runs on one file)");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: analyze\nstacking: {kappa: 3}\n" + exports))
                .hasMessage("stacking: only a pipeline with subs: stack stacks, this one has subs: analyze");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: 3\n" + exports))
                .hasMessage("stacking must be a mapping like {kappa: 2.5}, got 3");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {kapa: 3}\n" + exports))
                .hasMessage("stacking: unknown parameter 'kapa' for stacking; known: calibration, debayer, drizzle, "
                        + "filter_roundness_sigma, filter_wfwhm_sigma, framing, gesd_outliers, gesd_significance, interpolation, "
                        + "iterations, kappa, kappa_high, kappa_low, normalisation, quality_report, reject_flagged, rejection, "
                        + "rejection_maps, weighting");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {kappa: 0.4}\n" + exports))
                .hasMessage("stacking: kappa must be between 0.5 and 10, got 0.4");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {kappa_high: 11}\n" + exports))
                .hasMessage("stacking: kappa_high must be between 0.5 and 10, got 11");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {rejection: median}\n" + exports))
                .hasMessage("stacking: rejection must be one of none, sigma, winsorized, linear_fit, gesd, got 'median'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {normalisation: mul}\n" + exports))
                .hasMessage("stacking: normalisation must be one of none, additive, additive_scale, got 'mul'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {weighting: snr}\n" + exports))
                .hasMessage("stacking: weighting must be one of none, noise, star_count, weighted_fwhm, got 'snr'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {framing: max}\n" + exports))
                .hasMessage("stacking: framing must be one of crop, keep, got 'max'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {gesd_outliers: 1.5}\n" + exports))
                .hasMessage("stacking: gesd_outliers must be a fraction between 0 and 1, got 1.5");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {gesd_significance: 0}\n" + exports))
                .hasMessage("stacking: gesd_significance must be between 0 and 0.5, got 0.0");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {filter_wfwhm_sigma: -1}\n" + exports))
                .hasMessage("stacking: filter_wfwhm_sigma must be a positive number of standard deviations, got -1");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {rejection_maps: 1}\n" + exports))
                .hasMessage("stacking: rejection_maps must be true or false, got 1");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {kappa: high}\n" + exports))
                .hasMessage("stacking: kappa must be a number, got 'high'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {iterations: 2.5}\n" + exports))
                .hasMessage("stacking: iterations must be a whole number, got 2.5");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {iterations: 0}\n" + exports))
                .hasMessage("stacking: iterations must be 1..20, got 0");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {reject_flagged: yes please}\n" + exports))
                .hasMessage("stacking: reject_flagged must be true or false, got 'yes please'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {interpolation: lanczos}\n" + exports))
                .hasMessage("stacking: interpolation must be one of bilinear, bicubic, got 'lanczos'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {debayer: vng}\n" + exports))
                .hasMessage("stacking: debayer must be one of rcd, bilinear, got 'vng'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {kappa: }\n" + exports))
                .hasMessage("stacking: parameter 'kappa' has no value");
    }

    @Test
    void readsTheDrizzleOfAStackAbsentMeaningNone() {
        String exports = "exports: [{format: fits}]\n";
        PipelineDefinition drizzled = loader.parse("""
                name: s
                subs: stack
                stacking:
                  framing: keep
                  drizzle: {scale: 2, pixfrac: 0.7}
                """ + exports);
        PipelineDefinition defaults = loader.parse("name: s\nsubs: stack\nstacking: {drizzle: {}}\n" + exports);
        PipelineDefinition finer = loader.parse("name: s\nsubs: stack\nstacking: {drizzle: {scale: 3, pixfrac: 1}}\n"
                + exports);
        PipelineDefinition none = loader.parse("name: s\nsubs: stack\nstacking: {kappa: 3}\n" + exports);

        assertThat(drizzled.stacking()).isEqualTo(StackingParameters.DEFAULTS.withFraming(Framing.KEEP)
                .withDrizzle(Optional.of(new DrizzleParameters(2, 0.7))));
        assertThat(defaults.stacking().drizzle()).contains(DrizzleParameters.DEFAULTS);
        assertThat(finer.stacking().drizzle()).contains(new DrizzleParameters(3, 1));
        assertThat(none.stacking().drizzle()).isEmpty();
        assertThat(StackingParameters.DEFAULTS.drizzle()).isEmpty();
        assertThat(StackingSection.toMap(drizzled.stacking())).containsEntry("drizzle", Map.of("scale", 2.0, "pixfrac", 0.7));
        assertThat(StackingSection.toMap(none.stacking())).doesNotContainKey("drizzle");
        assertThat(StackingSection.fromMap(StackingSection.toMap(drizzled.stacking()))).isEqualTo(drizzled.stacking());
    }

    @Test
    void refusesADrizzleItCannotRunNamingTheProblem() {
        String exports = "exports: [{format: fits}]\n";
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: {scale: 5}}\n" + exports))
                .hasMessage("stacking: drizzle.scale must be between 1 and 4, got 5.0");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: {scale: 0.5}}\n" + exports))
                .hasMessage("stacking: drizzle.scale must be between 1 and 4, got 0.5");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: {pixfrac: 0}}\n" + exports))
                .hasMessage("stacking: drizzle.pixfrac must be above 0 and at most 1, got 0.0");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: {pixfrac: 1.2}}\n" + exports))
                .hasMessage("stacking: drizzle.pixfrac must be above 0 and at most 1, got 1.2");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: {scale: two}}\n" + exports))
                .hasMessage("stacking: drizzle.scale must be a number, got 'two'");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: {pixfrak: 0.5}}\n" + exports))
                .hasMessage("stacking: unknown parameter 'pixfrak' for drizzle; known: pixfrac, scale");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: {scale: }}\n" + exports))
                .hasMessage("stacking: drizzle: parameter 'scale' has no value");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: 2}\n" + exports))
                .hasMessage("stacking: drizzle must be a mapping like {scale: 2, pixfrac: 0.7}, got 2");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: true}\n" + exports))
                .hasMessage("stacking: drizzle must be a mapping like {scale: 2, pixfrac: 0.7}, got true");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: }\n" + exports))
                .hasMessage("stacking: parameter 'drizzle' has no value");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: stack\nstacking: {drizzle: {}, rejection_maps: true}\n"
                + exports)).hasMessage("stacking: rejection_maps: a drizzle rejects no pixels, so it has no rejection "
                + "maps; leave out one of the two");
        assertThatThrownBy(() -> loader.parse("name: q\nsubs: combine\nstacking: {drizzle: {scale: 2}}\n" + exports))
                .hasMessage("stacking: drizzle works on the subs of a stack (subs: stack), not on night masters "
                        + "(subs: combine)");
    }

    @Test
    void readsTheCalibrationSettingsUnderStacking() {
        PipelineDefinition calibrated = loader.parse("""
                name: my_stack
                subs: stack
                stacking:
                  calibration:
                    combine: Median
                    kappa: 2.5
                    exposure_tolerance: 1
                    temperature_tolerance: 5
                    cosmetic: false
                    hot_sigma: 8
                    cold_sigma: 6
                exports: [{format: fits}]
                """);
        PipelineDefinition partly = loader.parse(
                "name: s\nsubs: stack\nstacking: {calibration: {temperature_tolerance: 0}}\nexports: [{format: fits}]\n");
        PipelineDefinition without = loader.parse("name: s\nsubs: stack\nexports: [{format: fits}]\n");

        assertThat(calibrated.stacking()).isEqualTo(StackingParameters.DEFAULTS.withCalibration(
                new CalibrationParameters(Combination.MEDIAN, 2.5, 1, 5, false, 8, 6)));
        assertThat(partly.stacking().calibration()).isEqualTo(new CalibrationParameters(Combination.WINSORIZED, 3, 0.5,
                0, true, 5, 5));
        assertThat(without.stacking().calibration()).isEqualTo(CalibrationParameters.DEFAULTS);
        assertThat(CalibrationParameters.DEFAULTS).as("what a Seestar night gets without reading anything")
                .isEqualTo(new CalibrationParameters(Combination.WINSORIZED, 3, 0.5, 2, true, 5, 5));
    }

    @Test
    void refusesBadCalibrationSettingsNamingTheKey() {
        String exports = "exports: [{format: fits}]\n";
        String stack = "name: q\nsubs: stack\nstacking: ";
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: median}\n" + exports))
                .hasMessage("stacking: calibration must be a mapping like {combine: median}, got 'median'");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {gain_tolerance: 5}}\n" + exports))
                .hasMessage("stacking: calibration: unknown parameter 'gain_tolerance' for calibration; known: cold_sigma, "
                        + "combine, cosmetic, exposure_tolerance, hot_sigma, kappa, temperature_tolerance");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {combine: mean}}\n" + exports))
                .hasMessage("stacking: calibration: combine must be one of median, winsorized, got 'mean'");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {kappa: 0.5}}\n" + exports))
                .hasMessage("stacking: calibration: kappa must be between 1 and 10, got 0.5");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {exposure_tolerance: -1}}\n" + exports))
                .hasMessage("stacking: calibration: exposure_tolerance must be 0 to 3600 seconds, got -1.0");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {temperature_tolerance: warm}}\n" + exports))
                .hasMessage("stacking: calibration: temperature_tolerance must be a number, got 'warm'");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {temperature_tolerance: 101}}\n" + exports))
                .hasMessage("stacking: calibration: temperature_tolerance must be 0 to 100 degrees, got 101.0");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {cosmetic: 1}}\n" + exports))
                .hasMessage("stacking: calibration: cosmetic must be true or false, got 1");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {hot_sigma: 1}}\n" + exports))
                .hasMessage("stacking: calibration: hot_sigma must be between 2 and 50, got 1.0");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {cold_sigma: 51}}\n" + exports))
                .hasMessage("stacking: calibration: cold_sigma must be between 2 and 50, got 51.0");
        assertThatThrownBy(() -> loader.parse(stack + "{calibration: {kappa: }}\n" + exports))
                .hasMessage("stacking: calibration: parameter 'kappa' has no value");
    }

    @Test
    void namesAnUnknownStepAndListsTheKnownOnes() {
        assertThatThrownBy(() -> loader.parse("""
                name: typo
                steps:
                  - step: debayer
                  - step: strech
                exports:
                  - format: jpeg
                """)).isInstanceOf(InvalidPipelineException.class)
                .hasMessage("step 2: unknown step 'strech'; known: background_extraction, background_neutralization, debayer, "
                        + "denoise, histogram_stretch, scnr, star_detection");
    }

    @Test
    void namesAnExportParameterOutOfRange() {
        assertThatThrownBy(() -> loader.parse("""
                name: q
                exports:
                  - format: jpeg
                    quality: 150
                """)).hasMessage("export 1: quality must be 1..100, got 150");
    }

    @Test
    void readsTheStretchCurveAndTheThumbnailsOfAJpeg() {
        PipelineDefinition pipeline = loader.parse("""
                name: restretch
                steps:
                  - step: histogram_stretch
                    mode: linked
                    curve: ghs
                    ghs_local_intensity: 2
                exports:
                  - format: jpeg
                    thumbnails: [320]
                  - format: jpeg
                    thumbnails: []
                """);

        assertThat(pipeline.steps().get(0).params()).containsEntry("curve", "ghs").containsEntry("ghs_local_intensity", 2);
        assertThat(pipeline.exports()).containsExactly(new ExportSpec("jpeg", Map.of("thumbnails", List.of(320))),
                new ExportSpec("jpeg", Map.of("thumbnails", List.of())));
    }

    @Test
    void namesABadCurveKeyOrThumbnailList() {
        assertThatThrownBy(() -> loader.parse("""
                name: q
                steps:
                  - step: histogram_stretch
                    ghs_stretch: 3
                exports:
                  - format: jpeg
                """)).hasMessage("step 1: histogram_stretch: ghs_stretch applies to curve: ghs, not to curve: mtf");
        assertThatThrownBy(() -> loader.parse("name: q\nexports: [{format: jpeg, thumbnails: 320}]\n"))
                .hasMessage("export 1: thumbnails must be a list of whole numbers such as [320, 1080], got 320");
        assertThatThrownBy(() -> loader.parse("name: q\nexports: [{format: jpeg, thumbnails: [320, big]}]\n"))
                .hasMessage("export 1: thumbnails must be a list of whole numbers, got 'big' in it");
        assertThatThrownBy(() -> loader.parse("name: q\nexports: [{format: jpeg, thumbnails: [8]}]\n"))
                .hasMessage("export 1: thumbnails: each longest side must be 16..8192 pixels, got 8");
    }

    @Test
    void namesAnUnknownParameter() {
        assertThatThrownBy(() -> loader.parse("""
                name: q
                exports:
                  - format: png
                    bits: 16
                    qualty: 3
                """)).hasMessage("export 1: unknown parameter 'qualty' for png; known: bits");
        assertThatThrownBy(() -> loader.parse("""
                name: q
                steps:
                  - step: histogram_stretch
                    mdoe: linked
                exports:
                  - format: jpeg
                """)).hasMessageStartingWith("step 1: ").hasMessageContaining("mdoe");
    }

    @Test
    void stepParametersAreCheckedAtLoadTime() {
        assertThatThrownBy(() -> loader.parse("""
                name: q
                steps:
                  - step: histogram_stretch
                    target_background: 2
                exports:
                  - format: jpeg
                """)).hasMessageStartingWith("step 1: ").hasMessageContaining("target_background");
        assertThatThrownBy(() -> loader.parse("""
                name: q
                exports:
                  - format: tiff
                    compression: deflate
                """)).hasMessageStartingWith("export 1: compression 'deflate' is not supported");
        assertThatThrownBy(() -> loader.parse("""
                name: q
                exports:
                  - format: jpeg
                    quality: high
                """)).hasMessage("export 1: quality must be a whole number, got 'high'");
    }

    @Test
    void requiresExportsAndAValidName() {
        assertThatThrownBy(() -> loader.parse("name: q\nsteps: []\n"))
                .hasMessage("exports: a pipeline needs at least one export (jpeg, tiff, png or fits)");
        assertThatThrownBy(() -> loader.parse("name: Quick DSO\nexports: [{format: jpeg}]\n"))
                .hasMessage("name must be 1 to 64 characters of a-z, 0-9, _ and -, got 'Quick DSO'");
        assertThatThrownBy(() -> loader.parse("exports: [{format: jpeg}]\n"))
                .hasMessage("name must be 1 to 64 characters of a-z, 0-9, _ and -, got nothing");
        assertThatThrownBy(() -> loader.parse("name: " + "a".repeat(65) + "\nexports: [{format: jpeg}]\n"))
                .hasMessageStartingWith("name must be 1 to 64 characters");
    }

    @Test
    void namesStructuralMistakes() {
        assertThatThrownBy(() -> loader.parse("name: q\nexport: [{format: jpeg}]\n"))
                .hasMessage("unknown field 'export'; known: description, exports, name, stacking, steps, subs");
        assertThatThrownBy(() -> loader.parse("name: q\nexports: [{format: gif}]\n"))
                .hasMessage("export 1: unknown format 'gif'; known: fits, jpeg, png, tiff");
        assertThatThrownBy(() -> loader.parse("name: q\nexports: [{quality: 3}]\n"))
                .hasMessage("export 1: missing 'format' (jpeg, tiff, png or fits)");
        assertThatThrownBy(() -> loader.parse("name: q\nexports: [{format: jpeg, quality: }]\n"))
                .hasMessage("export 1: parameter 'quality' has no value");
        assertThatThrownBy(() -> loader.parse("name: q\nexports: jpeg\n"))
                .hasMessage("exports must be a list, got jpeg");
        assertThatThrownBy(() -> loader.parse("name: [q\n"))
                .hasMessageStartingWith("not valid YAML at line ");
        assertThatThrownBy(() -> loader.parse("- just a list\n"))
                .hasMessage("a pipeline must be a mapping with name, description, steps and exports");
    }

    @Test
    void acceptsTheSameStructureFromJson() {
        Map<String, Object> posted = Map.of(
                "name", "custom",
                "steps", List.of(Map.of("step", "histogram_stretch", "mode", "percentile", "midtones", 0.3)),
                "exports", List.of(Map.of("format", "png", "bits", 16)));

        PipelineDefinition pipeline = loader.fromMap(posted);

        assertThat(pipeline.steps().get(0).params()).containsEntry("midtones", 0.3);
        assertThat(pipeline.exports()).containsExactly(new ExportSpec("png", Map.of("bits", 16)));
        assertThat(pipeline.description()).isEmpty();
        assertThat(pipeline.overSubs()).isFalse();
    }

    @Test
    void stackingSettingsSurviveTheWayBackToJson() {
        PipelineDefinition stack = loader.parse("name: s\nsubs: stack\n"
                + "stacking: {kappa: 3.5, interpolation: bilinear, debayer: bilinear, calibration: {combine: median,"
                + " exposure_tolerance: 2, cosmetic: false}}\nexports: [{format: fits}]\n");
        Map<String, Object> posted = Map.of("name", "s", "subs", stack.subs().key(),
                StackingSection.KEY, StackingSection.toMap(stack.stacking()), "exports", List.of(Map.of("format", "fits")));

        assertThat(stack.stacking().calibration().combination()).isEqualTo(Combination.MEDIAN);
        assertThat(loader.fromMap(posted)).isEqualTo(stack);
    }
}
