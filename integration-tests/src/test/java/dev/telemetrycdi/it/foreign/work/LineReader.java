package dev.telemetrycdi.it.foreign.work;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.logging.Logger;

/** Reads three report lines. */
@Dependent
@Named
public class LineReader extends AbstractItemReader {
    private static final Logger LOG = Logger.getLogger(LineReader.class.getName());

    @Inject
    @BatchProperty
    String token;

    private int next;

    @Override
    public void open(Serializable checkpoint) {
        next = checkpoint == null ? 0 : (Integer) checkpoint;
        LOG.info("lines opened " + token);
    }

    @Override
    public Object readItem() {
        return next < 3 ? "line " + next++ : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
