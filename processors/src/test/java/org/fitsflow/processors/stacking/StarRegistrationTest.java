package org.fitsflow.processors.stacking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fitsflow.processors.analysis.Star;
import org.junit.jupiter.api.Test;

class StarRegistrationTest {
    private final StarRegistration registration = new StarRegistration();

    @Test
    void recoversRotationAndShiftDespiteMissingAndSpuriousStars() {
        Random random = new Random(41);
        List<Star> reference = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            reference.add(star(50 + 980 * random.nextDouble(), 50 + 1820 * random.nextDouble(), 1 + 100 * random.nextDouble()));
        }
        RigidTransform truth = new RigidTransform(Math.toRadians(0.8), 14.3, -7.6);
        List<Star> frame = new ArrayList<>();
        for (int i = 0; i < reference.size(); i++) {
            if (i % 5 == 3) {
                continue; // lost in this frame
            }
            Star s = reference.get(i);
            frame.add(star(truth.mapX(s.x(), s.y()) + 0.05 * random.nextGaussian(),
                    truth.mapY(s.x(), s.y()) + 0.05 * random.nextGaussian(), s.flux()));
        }
        for (int i = 0; i < 20; i++) {
            frame.add(star(1080 * random.nextDouble(), 1920 * random.nextDouble(), 50 * random.nextDouble()));
        }

        StarRegistration.Match match = registration.register(reference, frame).orElseThrow();

        assertThat(match.transform().angle()).isCloseTo(truth.angle(), within(2e-4));
        assertThat(match.transform().tx()).isCloseTo(truth.tx(), within(0.2));
        assertThat(match.transform().ty()).isCloseTo(truth.ty(), within(0.2));
        assertThat(match.matchedStars()).isGreaterThanOrEqualTo(30);
        assertThat(match.rmsResidual()).isLessThan(0.15);
    }

    @Test
    void unrelatedStarFieldsDoNotRegister() {
        Random random = new Random(43);
        List<Star> a = new ArrayList<>();
        List<Star> b = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            a.add(star(1080 * random.nextDouble(), 1920 * random.nextDouble(), random.nextDouble()));
            b.add(star(1080 * random.nextDouble(), 1920 * random.nextDouble(), random.nextDouble()));
        }
        assertThat(registration.register(a, b)).isEmpty();
        assertThat(registration.register(a, List.of())).isEmpty();
    }

    @Test
    void leastSquaresFitIsExactForExactPoints() {
        RigidTransform truth = new RigidTransform(-0.3, 5, 9);
        double[][] from = {{0, 0}, {100, 0}, {0, 50}, {70, 20}};
        double[][] to = new double[from.length][];
        for (int i = 0; i < from.length; i++) {
            to[i] = new double[] {truth.mapX(from[i][0], from[i][1]), truth.mapY(from[i][0], from[i][1])};
        }
        RigidTransform fitted = RigidTransform.fit(from, to);
        assertThat(fitted.angle()).isCloseTo(-0.3, within(1e-12));
        assertThat(fitted.tx()).isCloseTo(5, within(1e-9));
        assertThat(fitted.ty()).isCloseTo(9, within(1e-9));
    }

    private static Star star(double x, double y, double flux) {
        return new Star(x, y, flux, 0, 2.5, 2.3, 0, flux);
    }
}
