package org.fitsflow.worker;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fitsflow.processors.backend.Backends;
import org.fitsflow.processors.backend.ComputeBackend;

/**
 * {@code java -jar gpu-worker.jar /job/job.json} runs one job (the container program);
 * {@code java -jar gpu-worker.jar process IN.fit --pipeline NAME --out DIR} processes one file by hand.
 */
public final class WorkerMain {
    /** How long a SIGTERM waits for the job to remove partial outputs and write result.json. */
    private static final long CANCEL_GRACE_SECONDS = 20;

    private WorkerMain() {
    }

    public static void main(String[] args) {
        Thread worker = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        // docker stop sends SIGTERM: cancel the job like an API cancel, so that it cleans up and reports.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finished.getCount() > 0) {
                worker.interrupt();
                try {
                    finished.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "cancel-on-sigterm"));
        int code = run(args, Backends.select(), System.out, System.err);
        finished.countDown();
        System.exit(code);
    }

    static int run(String[] args, ComputeBackend backend, PrintStream out, PrintStream err) {
        if (args.length >= 1 && args[0].equals("process")) {
            ProcessArguments arguments;
            try {
                arguments = ProcessArguments.parse(Arrays.asList(args).subList(1, args.length));
            } catch (IllegalArgumentException e) {
                err.println("error: " + e.getMessage());
                err.println(ProcessCommand.USAGE);
                return 2;
            }
            return new ProcessCommand(backend, out, err).run(arguments);
        }
        if (args.length == 1 && !args[0].startsWith("-")) {
            return new ContainerJob(backend, out, err).run(Path.of(args[0]));
        }
        err.println("usage: gpu-worker.jar JOB_FOLDER/job.json");
        err.println("       gpu-worker.jar " + ProcessCommand.USAGE.substring("usage: ".length()));
        return 2;
    }
}
