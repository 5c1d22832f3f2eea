package dev.telemetrycdi.internal.labels;

/** The sample application's label table (its {@code microprofile-config.properties}), for tests of the design. */
public final class SampleLabels {
    public static final LabelRules RULES = LabelRules.of("/api",
            LabelRules.parseMapping("tournaments:tournament, drafts:draft, draft:draft, leagues:league,"
                    + " organizations:organization, matches:match"),
            LabelRules.parseMapping("users:user, standings:standings"));

    private SampleLabels() {
    }
}
