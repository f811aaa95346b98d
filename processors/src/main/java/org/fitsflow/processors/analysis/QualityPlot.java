package org.fitsflow.processors.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Draws FWHM and star count against time (subs in DATE-OBS order, one step per sub, labelled with the time of
 * day, one line per date) in two panels; flagged subs are red. Java2D only, so it runs headless on a server.
 */
final class QualityPlot {
    static final int WIDTH = 1000;
    static final int HEIGHT = 640;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int GAP = 60;
    private static final int BOTTOM = 60;
    private static final Color LINE = new Color(40, 90, 170);
    private static final Color FLAG = new Color(210, 40, 40);
    private static final Color GRID = new Color(225, 225, 225);

    private QualityPlot() {
    }

    static BufferedImage render(List<SubQuality> subs) {
        List<SubQuality> measured = subs.stream().filter(s -> s.quality() != null)
                .sorted(Comparator.comparing((SubQuality s) -> s.dateObs() == null ? "" : s.dateObs())).toList();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            long flagged = subs.stream().filter(SubQuality::flagged).count();
            g.setColor(Color.BLACK);
            g.setFont(g.getFont().deriveFont(Font.BOLD, 15f));
            g.drawString(String.format(Locale.ROOT, "Sub-frame quality: %d subs, %d flagged (red)", subs.size(), flagged), LEFT, 28);
            g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
            int panelHeight = (HEIGHT - TOP - GAP - BOTTOM) / 2;
            boolean arcsec = measured.stream().allMatch(s -> Double.isFinite(s.quality().fwhmArcsec()));
            panel(g, measured, TOP, panelHeight, arcsec ? "FWHM (arcsec)" : "FWHM (px)",
                    arcsec ? FrameQuality::fwhmArcsec : FrameQuality::fwhmPixels, false);
            panel(g, measured, TOP + panelHeight + GAP, panelHeight, "Star count", q -> q.starCount(), true);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void panel(Graphics2D g, List<SubQuality> subs, int top, int height, String label,
                              ToDoubleFunction<FrameQuality> figure, boolean timeAxis) {
        int width = WIDTH - LEFT - RIGHT;
        double[] values = subs.stream().mapToDouble(s -> figure.applyAsDouble(s.quality())).toArray();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        double pad = Math.max((hi - lo) * 0.1, Math.abs(hi) * 0.05 + 1e-9);
        lo = Math.max(0, lo - pad);
        hi = hi + pad;

        g.setStroke(new BasicStroke(1f));
        FontMetrics metrics = g.getFontMetrics();
        for (int t = 0; t <= 4; t++) {
            int y = top + height - t * height / 4;
            g.setColor(GRID);
            g.drawLine(LEFT, y, LEFT + width, y);
            g.setColor(Color.DARK_GRAY);
            String tick = String.format(Locale.ROOT, hi - lo >= 20 ? "%.0f" : "%.2f", lo + (hi - lo) * t / 4);
            g.drawString(tick, LEFT - 8 - metrics.stringWidth(tick), y + 4);
        }
        g.setColor(Color.BLACK);
        g.drawString(label, LEFT, top - 6);

        int n = subs.size();
        int[] xs = new int[n];
        int[] ys = new int[n];
        for (int i = 0; i < n; i++) {
            xs[i] = LEFT + (n == 1 ? width / 2 : 10 + i * (width - 20) / (n - 1));
            double v = Double.isFinite(values[i]) ? values[i] : lo;
            ys[i] = top + height - (int) Math.round((v - lo) / (hi - lo) * height);
        }
        // One line per night: a new date starts a new line behind a dashed separator labelled with the date.
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || !night(subs.get(i)).equals(night(subs.get(start)))) {
                g.setColor(LINE);
                g.setStroke(new BasicStroke(1.5f));
                g.drawPolyline(Arrays.copyOfRange(xs, start, i), Arrays.copyOfRange(ys, start, i), i - start);
                if (start > 0) {
                    int x = (xs[start - 1] + xs[start]) / 2;
                    g.setColor(Color.GRAY);
                    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
                    g.drawLine(x, top, x, top + height);
                }
                g.setColor(Color.DARK_GRAY);
                String date = night(subs.get(start));
                g.drawString(date, Math.min(xs[start] + 4, LEFT + width - metrics.stringWidth(date) - 4), top + 14);
                start = i;
            }
        }
        for (int i = 0; i < n; i++) {
            boolean flagged = subs.get(i).flagged();
            g.setColor(flagged ? FLAG : LINE);
            int r = flagged ? 5 : 3;
            g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, top, width, height);
        if (timeAxis) {
            g.setColor(Color.DARK_GRAY);
            int step = Math.max(1, (int) Math.ceil(n / 8.0));
            for (int i = 0; i < n; i += step) {
                String time = timeOfDay(subs.get(i).dateObs(), i);
                g.drawString(time, xs[i] - metrics.stringWidth(time) / 2, top + height + 18);
            }
            g.drawString("time of exposure start (UTC, DATE-OBS)", LEFT, top + height + 40);
        }
    }

    private static String night(SubQuality sub) {
        String dateObs = sub.dateObs();
        return dateObs != null && dateObs.length() >= 10 ? dateObs.substring(0, 10) : "no DATE-OBS";
    }

    private static String timeOfDay(String dateObs, int index) {
        if (dateObs != null) {
            int t = dateObs.indexOf('T');
            if (t >= 0 && dateObs.length() >= t + 9) {
                return dateObs.substring(t + 1, t + 9);
            }
        }
        return "#" + (index + 1);
    }
}
