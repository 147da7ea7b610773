package dev.flotilla.resolve;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;

import dev.flotilla.FlotillaException;
import dev.flotilla.Service;
import dev.flotilla.model.ConfigProblems;
import dev.flotilla.model.ContainerFactorySpec;
import dev.flotilla.model.SpecOrigin;

/** Finds the static method that {@link Service#factory()} names, and makes a supplier of its container objects. */
final class ContainerFactories {

    private ContainerFactories() {
    }

    static Optional<ContainerFactorySpec> resolve(Service service, List<Class<?>> lookIn, SpecOrigin origin, ConfigProblems problems) {
        String name = service.factory();
        if (name.isBlank()) {
            return Optional.empty();
        }
        String where = origin.service(service.name(), "factory");
        Optional<Method> method = name.contains("#") ? inClass(name, where, problems) : lookIn.stream()
                .flatMap(c -> staticMethod(c, name).stream()).findFirst();
        if (method.isEmpty()) {
            if (!name.contains("#")) {
                problems.add(where, "no static method " + name + "() in " + lookIn.stream().map(Class::getName).toList(),
                        "declare static GenericContainer<?> " + name + "() there, or name another class's: \"com.example.Containers#" + name + "\"");
            }
            return Optional.empty();
        }
        Method factory = method.get();
        factory.setAccessible(true);
        String description = factory.getDeclaringClass().getName() + "#" + factory.getName();
        return Optional.of(new ContainerFactorySpec(description, () -> {
            try {
                return factory.invoke(null);
            } catch (InvocationTargetException e) {
                throw new FlotillaException("The container factory " + description + "() failed: " + e.getCause(), e.getCause());
            } catch (IllegalAccessException e) {
                throw new FlotillaException("Cannot call the container factory " + description + "(): " + e.getMessage(), e);
            }
        }));
    }

    private static Optional<Method> inClass(String name, String where, ConfigProblems problems) {
        String className = name.substring(0, name.indexOf('#'));
        String methodName = name.substring(name.indexOf('#') + 1);
        try {
            Class<?> owner = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            Optional<Method> method = staticMethod(owner, methodName);
            if (method.isEmpty()) {
                problems.add(where, "no static method " + methodName + "() in " + className,
                        "declare static GenericContainer<?> " + methodName + "() in " + className);
            }
            return method;
        } catch (ClassNotFoundException e) {
            problems.add(where, "class " + className + " of factory \"" + name + "\" is not on the class path", "name a class of the test's class path");
            return Optional.empty();
        }
    }

    private static Optional<Method> staticMethod(Class<?> owner, String name) {
        for (Class<?> c = owner; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == 0 && Modifier.isStatic(method.getModifiers())) {
                    return Optional.of(method);
                }
            }
        }
        return Optional.empty();
    }
}
