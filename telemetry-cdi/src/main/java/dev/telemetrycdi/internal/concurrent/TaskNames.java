package dev.telemetrycdi.internal.concurrent;

import jakarta.enterprise.concurrent.ManagedTask;

import java.util.Map;

/**
 * The {@code task.name} of a task: its {@link ManagedTask#IDENTITY_NAME} execution property (which
 * {@code TelemetryExecutors.named} sets), else its class's name without package, with lambda and hidden-class
 * suffixes and anonymous-class numbers removed ({@code StoreResource$$Lambda$12/0x1f} and
 * {@code StoreResource$1} give {@code StoreResource}, {@code Jobs$Recompute} gives {@code Jobs.Recompute}).
 *
 * <p>Internal API: may change without notice. Thread-safe; never throws.
 */
final class TaskNames {
    static final int MAX_LENGTH = 128;
    /** The name of a dependent stage until it runs (then the JDK's stage class names it). */
    static final String STAGE = "CompletableFuture";

    private TaskNames() {
    }

    /**
     * {@link #ofClass} of each class, computed once: a name is a pure function of its class, and computing it
     * allocates a few hundred bytes that every submission would otherwise pay. Entries go with their class.
     */
    private static final ClassValue<String> CLASS_NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return ofClass(type);
        }
    };

    static String of(Object task) {
        String identity = identityName(task);
        return identity != null ? identity : CLASS_NAMES.get(task.getClass());
    }

    private static String identityName(Object task) {
        if (!(task instanceof ManagedTask)) {
            return null;
        }
        try {
            Map<String, String> properties = ((ManagedTask) task).getExecutionProperties();
            String name = properties == null ? null : properties.get(ManagedTask.IDENTITY_NAME);
            if (name == null || name.isBlank()) {
                return null;
            }
            return name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
        } catch (RuntimeException e) {
            return null; // the application's task failed to answer: its class name will do
        }
    }

    static String ofClass(Class<?> type) {
        String name = type.getName();
        name = name.substring(name.lastIndexOf('.') + 1);
        int lambda = name.indexOf("$$");
        if (lambda >= 0) {
            name = name.substring(0, lambda);
        }
        int hidden = name.indexOf('/');
        if (hidden >= 0) {
            name = name.substring(0, hidden);
        }
        StringBuilder cleaned = new StringBuilder(name.length());
        for (String part : name.split("\\$")) {
            if (!part.isEmpty() && !part.chars().allMatch(Character::isDigit)) {
                cleaned.append(cleaned.length() == 0 ? "" : ".").append(part);
            }
        }
        return cleaned.length() == 0 ? name : cleaned.toString();
    }
}
