package dev.telemetrycdi.internal.cdi;

import java.util.List;

/** A class loader that does not see the packages given, as an application on a server without those features. */
public final class HidingClassLoader extends ClassLoader {
    private final List<String> hidden;

    public HidingClassLoader(String... hiddenPackages) {
        super(HidingClassLoader.class.getClassLoader());
        this.hidden = List.of(hiddenPackages);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        for (String prefix : hidden) {
            if (name.startsWith(prefix + ".")) {
                throw new ClassNotFoundException(name);
            }
        }
        return super.loadClass(name, resolve);
    }
}
