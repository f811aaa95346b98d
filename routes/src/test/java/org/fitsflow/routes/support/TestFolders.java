package org.fitsflow.routes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fitsflow.processors.io.FolderTree;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data, inbox and outbox folder per test class (real folders, a real SQLite file), and the
 * properties that point the service at them. Inbox timings are short so that tests run quickly.
 *
 * <p>Registered on a static field with {@code @RegisterExtension}, the folders are deleted when the class
 * is done: after its application context has closed, since JUnit closes the class's store after every
 * {@code afterAll}. A class whose test failed keeps them, with the service's logs, for a look.
 */
public record TestFolders(Path root, Path data, Path inbox, Path outbox) implements BeforeAllCallback, TestWatcher {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestFolders.class);
    private static final String A_TEST_FAILED = "a test failed";

    public static TestFolders create(String name) {
        try {
            Path root = Files.createTempDirectory("fitsflow-" + name + "-");
            return new TestFolders(root, Files.createDirectories(root.resolve("data")),
                    Files.createDirectories(root.resolve("inbox")), Files.createDirectories(root.resolve("outbox")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("fitsflow.data-dir", data::toString);
        registry.add("fitsflow.inbox.dir", inbox::toString);
        registry.add("fitsflow.outbox.dir", outbox::toString);
        registry.add("fitsflow.inbox.stable-seconds", () -> "1");
        registry.add("fitsflow.inbox.poll-delay-ms", () -> "200");
    }

    public Path database() {
        return data.resolve("fitsflow.db");
    }

    /** The names of the files in {@code data/uploads}, the stored uploads. */
    public List<String> uploadedFiles() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("uploads"))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }

    @Override
    public void beforeAll(ExtensionContext classContext) {
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        store.put(root, (ExtensionContext.Store.CloseableResource) () -> {
            if (store.get(A_TEST_FAILED) != null || classContext.getExecutionException().isPresent()) {
                System.err.println("test folders kept for a look: " + root);
            } else {
                FolderTree.delete(root);
            }
        });
    }

    @Override
    public void testFailed(ExtensionContext methodContext, Throwable cause) {
        methodContext.getParent().ifPresent(classContext -> classContext.getStore(NAMESPACE).put(A_TEST_FAILED, true));
    }
}
