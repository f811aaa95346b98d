package org.fitsflow.processors.analysis;

import java.util.List;
import java.util.Locale;

/** The quality report as CSV (RFC 4180 quoting), one row per sub, empty cells for undefined figures. */
final class QualityReportCsv {
    static final String HEADER = "file,date_obs,exposure_s,star_count,fwhm_px,fwhm_arcsec,roundness,background,noise,flagged,reason";

    private QualityReportCsv() {
    }

    static String render(List<SubQuality> subs) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SubQuality s : subs) {
            FrameQuality q = s.quality();
            csv.append(quote(s.file().getFileName().toString())).append(',')
                    .append(quote(s.dateObs())).append(',')
                    .append(number(s.exposureSeconds())).append(',')
                    .append(q == null ? "" : Integer.toString(q.starCount())).append(',')
                    .append(q == null ? "" : number(q.fwhmPixels())).append(',')
                    .append(q == null ? "" : number(q.fwhmArcsec())).append(',')
                    .append(q == null ? "" : number(q.roundness())).append(',')
                    .append(q == null ? "" : number(q.background())).append(',')
                    .append(q == null ? "" : number(q.noise())).append(',')
                    .append(s.flagged()).append(',')
                    .append(quote(s.reason())).append("\r\n");
        }
        return csv.toString();
    }

    private static String number(Double value) {
        return value == null || !Double.isFinite(value) ? "" : String.format(Locale.ROOT, "%.6g", value);
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return needsQuotes ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
