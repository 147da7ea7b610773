package dev.flotilla.faultproxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes an application/x-www-form-urlencoded body into its fields. */
final class FormBody {

    private FormBody() {
    }

    static Map<String, String> parse(String body) throws InvalidToxicException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (fields.put(key, value) != null) {
                throw new InvalidToxicException("field '" + key + "' is given twice");
            }
        }
        return fields;
    }

    private static String decode(String text) throws InvalidToxicException {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            throw new InvalidToxicException("the form body is not valid application/x-www-form-urlencoded: " + text);
        }
    }
}
