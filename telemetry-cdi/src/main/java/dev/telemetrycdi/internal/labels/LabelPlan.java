package dev.telemetrycdi.internal.labels;

import dev.telemetrycdi.internal.context.FieldNames;
import dev.telemetrycdi.internal.context.Fields;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The labels found in one path or route template and where each resource id comes from: the id value itself
 * for a path, the path parameter name for a template.
 *
 * <p>The {@code labels} field is built once, so a cached template plan costs only its id lookups per request.
 * Fields come out as {@code labels} first, then {@code <label>.id} in path order. Immutable and thread-safe;
 * its {@link Builder} is not.
 *
 * <p>Internal API: may change without notice.
 */
final class LabelPlan {
    static final int MAX_LABELS = 8;
    static final LabelPlan NONE = new LabelPlan(Fields.EMPTY, new String[0], new Object[0]);

    private final Fields labels;
    private final String[] idKeys;
    private final Object[] idSources;

    private LabelPlan(Fields labels, String[] idKeys, Object[] idSources) {
        this.labels = labels;
        this.idKeys = idKeys;
        this.idSources = idSources;
    }

    /** For a template plan: the labels and each id whose path parameter is present and valid. */
    Fields resolve(Function<String, String> pathParam) {
        if (pathParam == null || idKeys.length == 0) {
            return labels;
        }
        Fields.Builder fields = Fields.builder(1 + idKeys.length).putAll(labels);
        for (int i = 0; i < idKeys.length; i++) {
            Object id = IdValues.parse(pathParam.apply((String) idSources[i]));
            if (id != null) {
                fields.put(idKeys[i], id);
            }
        }
        return fields.build();
    }

    /** For a plan whose ids all come from one value (a servlet path mapping): the labels and that id. */
    Fields resolveAll(Object id) {
        if (id == null || idKeys.length == 0) {
            return labels;
        }
        Fields.Builder fields = Fields.builder(1 + idKeys.length).putAll(labels);
        for (String idKey : idKeys) {
            fields.put(idKey, id);
        }
        return fields.build();
    }

    /** Collects at most {@value #MAX_LABELS} distinct labels, first occurrence first. */
    static final class Builder {
        private static final int INITIAL = 4;

        private String[] labels = new String[INITIAL];
        private String[] idKeys = new String[INITIAL];
        private Object[] idSources = new Object[INITIAL];
        private int labelCount;
        private int idCount;

        /** Adds {@code label} unless it is already present or the plan is full; true if it was added. */
        boolean add(String label) {
            if (full()) {
                return false;
            }
            for (int i = 0; i < labelCount; i++) {
                if (labels[i].equals(label)) {
                    return false;
                }
            }
            if (labelCount == labels.length) {
                labels = Arrays.copyOf(labels, MAX_LABELS);
                idKeys = Arrays.copyOf(idKeys, MAX_LABELS);
                idSources = Arrays.copyOf(idSources, MAX_LABELS);
            }
            labels[labelCount++] = label;
            return true;
        }

        /** Records the id (or parameter name) of the label just added. */
        void id(String idKey, Object source) {
            idKeys[idCount] = idKey;
            idSources[idCount++] = source;
        }

        boolean full() {
            return labelCount == MAX_LABELS;
        }

        LabelPlan build() {
            if (labelCount == 0) {
                return NONE;
            }
            return new LabelPlan(Fields.of(FieldNames.LABELS, labelList()), Arrays.copyOf(idKeys, idCount),
                    Arrays.copyOf(idSources, idCount));
        }

        /** For a path: the fields themselves, without an intermediate plan. */
        Fields fields() {
            if (labelCount == 0) {
                return Fields.EMPTY;
            }
            Fields.Builder fields = Fields.builder(1 + idCount).put(FieldNames.LABELS, labelList());
            for (int i = 0; i < idCount; i++) {
                fields.put(idKeys[i], idSources[i]);
            }
            return fields.build();
        }

        private List<String> labelList() {
            switch (labelCount) {
                case 1: return List.of(labels[0]);
                case 2: return List.of(labels[0], labels[1]);
                default: return List.of(Arrays.copyOf(labels, labelCount));
            }
        }
    }
}
