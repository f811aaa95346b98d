package org.fitsflow.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The RCD debayer and the hot-photosite filter of two builds (their {@code benchmarks.jar}, each in a class loader
 * of its own) on one raw sub, in one JVM, in turns: a before/after ratio that holds on a machine whose other load
 * comes and goes, where runs minutes apart differ by half. Prints each build's median and best CPU time (all
 * threads) and wall time per sub over the rounds.
 *
 *   java -Xmx3g -cp bench/jmh/target/benchmarks.jar org.fitsflow.bench.BuildsCpuCost BEFORE.jar AFTER.jar SUB.fits
 */
public final class BuildsCpuCost {
    private static final int WARM_UP = 30;
    private static final int ROUNDS = 15;
    private static final int CALLS_PER_ROUND = 4;

    private BuildsCpuCost() {
    }

    /** One build's two kernels, bound to the sub. */
    private record Build(String name, Runnable rcd, Runnable hotPixels) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: BuildsCpuCost BEFORE.jar AFTER.jar RAW-SUB.fits");
            System.exit(2);
        }
        List<Build> builds = List.of(load("before", args[0], args[2]), load("after", args[1], args[2]));
        for (Build build : builds) {
            for (int i = 0; i < WARM_UP; i++) {
                build.rcd().run();
                build.hotPixels().run();
            }
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][][] samples = new double[builds.size()][4][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            for (int b = 0; b < builds.size(); b++) {
                Build build = builds.get(b);
                int k = 0;
                for (Runnable work : new Runnable[] {build.rcd(), build.hotPixels()}) {
                    long cpu = os.getProcessCpuTime();
                    long wall = System.nanoTime();
                    for (int i = 0; i < CALLS_PER_ROUND; i++) {
                        work.run();
                    }
                    samples[b][k++][round] = (os.getProcessCpuTime() - cpu) / 1e6 / CALLS_PER_ROUND;
                    samples[b][k++][round] = (System.nanoTime() - wall) / 1e6 / CALLS_PER_ROUND;
                }
            }
        }
        String[] rows = {"RCD debayer CPU", "RCD debayer wall", "hot-photosite filter CPU", "hot-photosite filter wall"};
        for (int k = 0; k < rows.length; k++) {
            for (int b = 0; b < builds.size(); b++) {
                double[] s = samples[b][k].clone();
                Arrays.sort(s);
                System.out.printf("%-26s %-7s median %7.1f  best %7.1f ms/sub%n", rows[k], builds.get(b).name(),
                        s[s.length / 2], s[0]);
            }
        }
    }

    private static Build load(String name, String jar, String sub) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        Object image = loader.loadClass("org.fitsflow.processors.fits.FitsReader").getMethod("read", Path.class)
                .invoke(null, Path.of(sub));
        Class<?> imageClass = image.getClass();
        float[] mosaic = (float[]) imageClass.getMethod("plane", int.class).invoke(image, 0);
        int width = (int) imageClass.getMethod("width").invoke(image);
        int height = (int) imageClass.getMethod("height").invoke(image);
        Class<?> methodClass = loader.loadClass("org.fitsflow.processors.backend.DebayerMethod");
        Object rcd = methodClass.getField("RCD").get(null);
        Object backend = loader.loadClass("org.fitsflow.processors.backend.CpuBackend").getConstructor().newInstance();
        Method debayer = backend.getClass().getMethod("debayer", float[].class, int.class, int.class, String.class,
                methodClass);
        Method corrected = loader.loadClass("org.fitsflow.processors.analysis.HotPixelFilter")
                .getMethod("corrected", float[].class, int.class, int.class);
        Object header = imageClass.getMethod("header").invoke(image);
        Object summary = header.getClass().getMethod("summary").invoke(header);
        String pattern = (String) summary.getClass().getMethod("bayerPattern").invoke(summary);
        Object[] sink = new Object[1];
        return new Build(name,
                () -> sink[0] = call(debayer, backend, mosaic, width, height, pattern, rcd),
                () -> sink[0] = call(corrected, null, mosaic, width, height));
    }

    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
