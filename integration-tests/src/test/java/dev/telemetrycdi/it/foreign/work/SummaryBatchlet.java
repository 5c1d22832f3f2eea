package dev.telemetrycdi.it.foreign.work;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Logger;

/** The report's first step. */
@Dependent
@Named
public class SummaryBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(SummaryBatchlet.class.getName());

    @Inject
    @BatchProperty
    String token;

    @Override
    public String process() {
        LOG.info("summary written " + token);
        return "COMPLETED";
    }
}
