package org.fitsflow.routes.inbox;

import java.io.File;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/** The inbox consumer's filter: a file is offered only once it is complete (see {@link InboxStability}). */
@Component("inboxStabilityFilter")
public class InboxStabilityFilter implements GenericFileFilter<File> {
    private final InboxStability stability;

    public InboxStabilityFilter(InboxStability stability) {
        this.stability = stability;
    }

    @Override
    public boolean accept(GenericFile<File> file) {
        if (file.isDirectory()) {
            return true;
        }
        // length first: a write stamps the mtime before it extends the file, so a file seen at its full
        // length is seen with the mtime of its last write, and the idempotent key Camel makes from these
        // two values stays the file's key afterwards
        long length = file.getFileLength();
        long mtimeMs = file.getLastModified();
        return stability.isComplete(file.getAbsoluteFilePath(), length, mtimeMs);
    }
}
