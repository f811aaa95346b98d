package org.fitsflow.processors.pipeline;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fitsflow.processors.backend.DebayerMethod;
import org.fitsflow.processors.steps.BackgroundExtraction;
import org.fitsflow.processors.steps.BackgroundExtractionParameters;
import org.fitsflow.processors.steps.BackgroundNeutralization;
import org.fitsflow.processors.steps.Debayer;
import org.fitsflow.processors.steps.Denoise;
import org.fitsflow.processors.steps.DenoiseParameters;
import org.fitsflow.processors.steps.Scnr;
import org.fitsflow.processors.steps.ScnrParameters;
import org.fitsflow.processors.steps.StarDetection;
import org.fitsflow.processors.steps.StarDetectionStepParameters;
import org.fitsflow.processors.steps.StfStretch;
import org.fitsflow.processors.steps.StfStretchParameters;
import org.fitsflow.processors.steps.Step;

/**
 * Step types by the name pipelines use. New steps slot in with one {@link #register} line in
 * {@link #standard()}; the factory maps YAML/JSON parameters to the step's parameter record and
 * rejects names it does not know.
 */
public final class StepRegistry {
    private final Map<String, StepFactory> factories = new TreeMap<>();

    public static StepRegistry standard() {
        return new StepRegistry()
                .register(StfStretch.NAME, params -> new StfStretch(StfStretchParameters.fromMap(params)))
                .register(Debayer.NAME, params -> {
                    // The pattern comes from the header's BAYERPAT; only the method is chosen.
                    SpecParameters p = new SpecParameters(params);
                    String method = p.choice("method", DebayerMethod.BILINEAR.yamlName(),
                            Arrays.stream(DebayerMethod.values()).map(DebayerMethod::yamlName).toList());
                    p.rejectUnknown(Debayer.NAME);
                    return new Debayer(DebayerMethod.parse(method));
                })
                .register(BackgroundExtraction.NAME,
                        params -> new BackgroundExtraction(BackgroundExtractionParameters.fromMap(params)))
                .register(BackgroundNeutralization.NAME, params -> {
                    new SpecParameters(params).rejectUnknown(BackgroundNeutralization.NAME);
                    return new BackgroundNeutralization();
                })
                .register(Scnr.NAME, params -> new Scnr(ScnrParameters.fromMap(params)))
                .register(Denoise.NAME, params -> new Denoise(DenoiseParameters.fromMap(params)))
                .register(StarDetection.NAME, params -> new StarDetection(StarDetectionStepParameters.fromMap(params)));
    }

    public StepRegistry register(String type, StepFactory factory) {
        factories.put(type, factory);
        return this;
    }

    public Set<String> types() {
        return Collections.unmodifiableSet(factories.keySet());
    }

    /** @throws InvalidPipelineException naming the unknown type or the bad parameter */
    public Step create(StepSpec spec) {
        StepFactory factory = factories.get(spec.type());
        if (factory == null) {
            throw new InvalidPipelineException("unknown step '" + spec.type() + "'; known: " + String.join(", ", types()));
        }
        try {
            return factory.create(spec.params());
        } catch (InvalidPipelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidPipelineException(e.getMessage());
        }
    }
}
