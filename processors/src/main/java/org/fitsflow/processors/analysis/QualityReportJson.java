package org.fitsflow.processors.analysis;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The quality report as JSON: one object per sub plus a summary; undefined figures are null. */
final class QualityReportJson {
    private QualityReportJson() {
    }

    static String render(List<SubQuality> subs) {
        StringBuilder json = new StringBuilder("{\n  \"subs\": [\n");
        for (int i = 0; i < subs.size(); i++) {
            SubQuality s = subs.get(i);
            FrameQuality q = s.quality();
            json.append("    {");
            field(json, "file", string(s.file().getFileName().toString())).append(", ");
            field(json, "object", string(s.object())).append(", ");
            field(json, "date_obs", string(s.dateObs())).append(", ");
            field(json, "exposure_s", number(s.exposureSeconds())).append(", ");
            field(json, "star_count", q == null ? "null" : Integer.toString(q.starCount())).append(", ");
            field(json, "fwhm_px", q == null ? "null" : number(q.fwhmPixels())).append(", ");
            field(json, "fwhm_arcsec", q == null ? "null" : number(q.fwhmArcsec())).append(", ");
            field(json, "roundness", q == null ? "null" : number(q.roundness())).append(", ");
            field(json, "background", q == null ? "null" : number(q.background())).append(", ");
            field(json, "noise", q == null ? "null" : number(q.noise())).append(", ");
            field(json, "flagged", Boolean.toString(s.flagged())).append(", ");
            field(json, "reason", string(s.reason()));
            json.append(i + 1 < subs.size() ? "},\n" : "}\n");
        }
        long flagged = subs.stream().filter(SubQuality::flagged).count();
        json.append("  ],\n  \"summary\": {");
        field(json, "subs", Integer.toString(subs.size())).append(", ");
        field(json, "flagged", Long.toString(flagged)).append(", ");
        field(json, "median_fwhm_px", number(median(subs, FrameQuality::fwhmPixels))).append(", ");
        field(json, "median_fwhm_arcsec", number(median(subs, FrameQuality::fwhmArcsec))).append(", ");
        field(json, "median_star_count", number(median(subs, q -> q.starCount())));
        return json.append("}\n}\n").toString();
    }

    private static double median(List<SubQuality> subs, ToDoubleFunction<FrameQuality> figure) {
        return StarField.median(subs.stream().filter(s -> s.quality() != null).map(SubQuality::quality)
                .mapToDouble(figure).filter(Double::isFinite).toArray());
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        return json.append('"').append(name).append("\": ").append(value);
    }

    private static String number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.6g", value);
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
