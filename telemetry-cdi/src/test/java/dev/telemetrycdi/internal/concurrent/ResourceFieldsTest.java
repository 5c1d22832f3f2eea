package dev.telemetrycdi.internal.concurrent;

import jakarta.annotation.Resource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which {@code @Resource} fields get the module's decorator: the server's defaults only. */
class ResourceFieldsTest {
    @Resource
    Object plain;

    @Resource(name = "concurrent/mine")
    Object named;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    Object defaultLookup;

    @Resource(lookup = "java:app/concurrent/reports")
    Object ownLookup;

    @Resource(mappedName = "reports")
    Object mapped;

    @Test
    void theServersDefaultsAreDecoratedAndTheApplicationsOwnResourcesAreNot() throws Exception {
        assertTrue(ResourceFields.isDefault(resource("plain")));
        assertTrue(ResourceFields.isDefault(resource("named")), "a name without a lookup binds the default");
        assertTrue(ResourceFields.isDefault(resource("defaultLookup")));
        assertFalse(ResourceFields.isDefault(resource("ownLookup")));
        assertFalse(ResourceFields.isDefault(resource("mapped")));
        assertFalse(ResourceFields.isDefault((Resource) null));
    }

    private static Resource resource(String field) throws NoSuchFieldException {
        return ResourceFieldsTest.class.getDeclaredField(field).getAnnotation(Resource.class);
    }
}
