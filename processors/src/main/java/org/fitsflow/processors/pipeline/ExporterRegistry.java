package org.fitsflow.processors.pipeline;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fitsflow.processors.export.Exporter;
import org.fitsflow.processors.export.FitsExporter;
import org.fitsflow.processors.export.JpegExporter;
import org.fitsflow.processors.export.JpegParameters;
import org.fitsflow.processors.export.PngExporter;
import org.fitsflow.processors.export.PngParameters;
import org.fitsflow.processors.export.TiffCompression;
import org.fitsflow.processors.export.TiffExporter;
import org.fitsflow.processors.export.Thumbnails;
import org.fitsflow.processors.export.TiffParameters;

/** Export formats by the name pipelines use, each mapping its YAML/JSON parameters to a parameter record. */
public final class ExporterRegistry {
    private final Map<String, ExporterFactory> factories = new TreeMap<>();

    public static ExporterRegistry standard() {
        return new ExporterRegistry()
                .register("jpeg", p -> new JpegExporter(new JpegParameters(p.integer("quality", JpegParameters.DEFAULT_QUALITY),
                        p.integers("thumbnails", Thumbnails.DEFAULT_SIDES))))
                .register("tiff", p -> new TiffExporter(new TiffParameters(p.integer("bits", TiffParameters.defaults().bits()),
                        TiffCompression.parse(p.string("compression", "none")))))
                .register("png", p -> new PngExporter(new PngParameters(p.integer("bits", PngParameters.defaults().bits()))))
                .register("fits", p -> new FitsExporter());
    }

    public ExporterRegistry register(String format, ExporterFactory factory) {
        factories.put(format, factory);
        return this;
    }

    public Set<String> formats() {
        return Collections.unmodifiableSet(factories.keySet());
    }

    /** @throws InvalidPipelineException naming the unknown format or the bad parameter */
    public Exporter create(ExportSpec spec) {
        ExporterFactory factory = factories.get(spec.format());
        if (factory == null) {
            throw new InvalidPipelineException("unknown format '" + spec.format() + "'; known: " + String.join(", ", formats()));
        }
        SpecParameters parameters = new SpecParameters(spec.params());
        try {
            Exporter exporter = factory.create(parameters);
            parameters.rejectUnknown(spec.format());
            return exporter;
        } catch (InvalidPipelineException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidPipelineException(e.getMessage());
        }
    }
}
