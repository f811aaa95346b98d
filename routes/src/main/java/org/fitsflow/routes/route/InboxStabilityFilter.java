package org.fitsflow.routes.route;

import java.io.File;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.fitsflow.routes.inbox.InboxStability;
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
        return file.isDirectory()
                || stability.isComplete(file.getAbsoluteFilePath(), file.getFileLength(), file.getLastModified());
    }
}
