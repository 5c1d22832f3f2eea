package dev.telemetrycdi.it.foreign.work;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.logging.Logger;

/** Writes report lines, a chunk at a time. */
@Dependent
@Named
public class LineWriter extends AbstractItemWriter {
    private static final Logger LOG = Logger.getLogger(LineWriter.class.getName());

    @Inject
    @BatchProperty
    String token;

    @Override
    public void writeItems(List<Object> items) {
        LOG.info("lines written " + token + " " + items.size());
    }
}
