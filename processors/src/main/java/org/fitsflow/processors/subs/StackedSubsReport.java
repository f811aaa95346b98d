package org.fitsflow.processors.subs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.fitsflow.processors.analysis.SubQuality;
import org.fitsflow.processors.analysis.SubQualityReport;
import org.fitsflow.processors.fits.FitsReader;
import org.fitsflow.processors.image.HeaderSummary;
import org.fitsflow.processors.stacking.StackResult;
import org.fitsflow.processors.stacking.StackedFrame;

/**
 * The quality report of the subs a stack measured, for {@code stacking: {quality_report: true}}: each row has the
 * figures the stacker measured on its first read of the sub, flagged as {@code analyze_subs} flags them, so that no
 * sub is measured twice; only headers are read again, for each row's date and exposure.
 */
final class StackedSubsReport {
    /** How the stacker begins the reason of a sub it could not read. */
    private static final String UNREADABLE = "unreadable: ";

    private StackedSubsReport() {
    }

    static SubQualityReport of(StackResult stack) {
        List<SubQuality> rows = new ArrayList<>();
        for (StackedFrame frame : stack.frames()) {
            rows.add(row(frame));
        }
        return SubQualityReport.of(rows);
    }

    private static SubQuality row(StackedFrame frame) {
        if (frame.quality() == null) {
            String reason = frame.reason();
            return SubQuality.unreadable(frame.file(), reason.startsWith(UNREADABLE)
                    ? reason.substring(UNREADABLE.length()) : reason);
        }
        try {
            HeaderSummary s = FitsReader.readHeader(frame.file()).summary();
            return new SubQuality(frame.file(), s.object(), s.dateObs(), s.exposureSeconds(), frame.quality(), null,
                    List.of());
        } catch (IOException e) {
            // changed since the stack read it: its figures still stand, its date and exposure are unknown
            return new SubQuality(frame.file(), null, null, null, frame.quality(), null, List.of());
        }
    }
}
