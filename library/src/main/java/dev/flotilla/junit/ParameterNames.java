package dev.flotilla.junit;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The source name of a method's parameter, also where the compiler was not asked to keep it
 * ({@code -parameters}, which Maven and Gradle do not pass by default): then it comes from the
 * class file's local variable table, which both build tools keep by default ({@code -g}).
 */
final class ParameterNames {

    private static final Map<Executable, Map<Integer, String>> FROM_DEBUG_INFO = new ConcurrentHashMap<>();

    private ParameterNames() {
    }

    /** The parameter's name as written in the source, or empty if the class file keeps no trace of it. */
    static Optional<String> of(Parameter parameter) {
        if (parameter.isNamePresent()) {
            return Optional.of(parameter.getName());
        }
        Executable executable = parameter.getDeclaringExecutable();
        int index = indexOf(parameter);
        return Optional.ofNullable(FROM_DEBUG_INFO.computeIfAbsent(executable, ParameterNames::readDebugInfo).get(index));
    }

    private static int indexOf(Parameter parameter) {
        Parameter[] all = parameter.getDeclaringExecutable().getParameters();
        for (int i = 0; i < all.length; i++) {
            if (all[i].equals(parameter)) {
                return i;
            }
        }
        throw new IllegalArgumentException(parameter + " is not a parameter of its own executable");
    }

    /** Parameter index to name, from the local variable table; empty when there is none or the class file cannot be read. */
    private static Map<Integer, String> readDebugInfo(Executable executable) {
        Class<?> owner = executable.getDeclaringClass();
        String resource = owner.getName().replace('.', '/') + ".class";
        ClassLoader loader = owner.getClassLoader() != null ? owner.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Map<Integer, String> names = new HashMap<>();
            new ClassReader(in).accept(new Finder(executable, names), ClassReader.SKIP_FRAMES);
            return names;
        } catch (IOException | RuntimeException e) {
            // A class file newer than this ASM knows, or none to read: the caller explains what to add.
            return Map.of();
        }
    }

    /** Finds the executable's method in the class file and maps the local variable slots of its parameters to their names. */
    private static final class Finder extends ClassVisitor {
        private final String name;
        private final String descriptor;
        private final Map<Integer, Integer> parameterBySlot = new HashMap<>();
        private final Map<Integer, String> names;

        Finder(Executable executable, Map<Integer, String> names) {
            super(Opcodes.ASM9);
            this.names = names;
            if (executable instanceof Method method) {
                this.name = method.getName();
                this.descriptor = Type.getMethodDescriptor(method);
            } else {
                this.name = "<init>";
                this.descriptor = Type.getConstructorDescriptor((Constructor<?>) executable);
            }
            int slot = Modifier.isStatic(executable.getModifiers()) ? 0 : 1;
            Class<?>[] types = executable.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                parameterBySlot.put(slot, i);
                slot += Type.getType(types[i]).getSize();
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String methodName, String methodDescriptor, String signature, String[] exceptions) {
            if (!name.equals(methodName) || !descriptor.equals(methodDescriptor)) {
                return null;
            }
            return new MethodVisitor(Opcodes.ASM9) {
                private Label methodStart;

                @Override
                public void visitLabel(Label label) {
                    // Labels come in code order, so the first is where a parameter's entry starts (offset 0).
                    if (methodStart == null) {
                        methodStart = label;
                    }
                }

                @Override
                public void visitLocalVariable(String variable, String variableDescriptor, String variableSignature,
                        Label start, Label end, int slot) {
                    Integer parameter = parameterBySlot.get(slot);
                    // A parameter's entry covers the whole method; a later local may reuse the slot.
                    if (parameter != null && start == methodStart) {
                        names.putIfAbsent(parameter, variable);
                    }
                }
            };
        }
    }
}
