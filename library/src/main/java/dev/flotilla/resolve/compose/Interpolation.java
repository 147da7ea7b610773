package dev.flotilla.resolve.compose;

import java.util.Map;

/**
 * Compose's variable interpolation: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}},
 * {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+replacement}},
 * {@code ${VAR+replacement}}, and {@code $$} for a literal {@code $}. Defaults may themselves hold
 * variables. Values come from the process environment, then the project's {@code .env} file.
 */
final class Interpolation {

    /** A variable required by {@code ?} was missing; the message is the file's own. */
    static final class MissingVariable extends RuntimeException {
        MissingVariable(String message) {
            super(message);
        }
    }

    private final Map<String, String> variables;

    Interpolation(Map<String, String> variables) {
        this.variables = variables;
    }

    String apply(String text) {
        if (text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 == text.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                out.append('$');
                i += 2;
            } else if (next == '{') {
                int close = matchingBrace(text, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed ${ in \"" + text + "\"");
                }
                out.append(expand(text.substring(i + 2, close)));
                i = close + 1;
            } else if (isNameStart(next)) {
                int end = i + 1;
                while (end < text.length() && isNamePart(text.charAt(end))) {
                    end++;
                }
                out.append(variables.getOrDefault(text.substring(i + 1, end), ""));
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String expand(String expression) {
        int end = 0;
        while (end < expression.length() && isNamePart(expression.charAt(end))) {
            end++;
        }
        String name = expression.substring(0, end);
        if (name.isEmpty() || !isNameStart(name.charAt(0))) {
            throw new IllegalArgumentException("invalid variable reference ${" + expression + "}");
        }
        String value = variables.get(name);
        String rest = expression.substring(end);
        if (rest.isEmpty()) {
            return value == null ? "" : value;
        }
        boolean colon = rest.startsWith(":");
        String operation = colon ? rest.substring(1) : rest;
        if (operation.isEmpty()) {
            throw new IllegalArgumentException("invalid variable reference ${" + expression + "}");
        }
        char operator = operation.charAt(0);
        String argument = operation.substring(1);
        boolean unset = value == null || (colon && value.isEmpty());
        return switch (operator) {
            case '-' -> unset ? apply(argument) : value;
            case '+' -> unset ? "" : apply(argument);
            case '?' -> {
                if (unset) {
                    throw new MissingVariable("required variable " + name + " is missing a value"
                            + (argument.isEmpty() ? "" : ": " + apply(argument)));
                }
                yield value;
            }
            default -> throw new IllegalArgumentException("invalid variable reference ${" + expression + "}");
        };
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    private static boolean isNamePart(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
