package org.fitsflow.processors.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTreeTest {
    @TempDir
    Path temp;

    @Test
    void deletesTheFolderWithItsFilesAndSubFolders() throws IOException {
        Path folder = temp.resolve("job");
        Files.createDirectories(folder.resolve("outputs/night 1"));
        Files.writeString(folder.resolve("job.json"), "{}");
        Files.writeString(folder.resolve("outputs/night 1/.frame.jpg.part"), "partial");
        Files.writeString(folder.resolve("outputs/night 1/frame.jpg"), "jpeg");
        Files.writeString(temp.resolve("beside.txt"), "stays");

        FolderTree.delete(folder);

        assertThat(folder).doesNotExist();
        assertThat(temp.resolve("beside.txt")).hasContent("stays");
    }

    @Test
    void aMissingFolderIsNoError() throws IOException {
        FolderTree.delete(temp.resolve("never-made"));

        assertThat(temp).isEmptyDirectory();
    }
}
