package dev.flotilla.model;

import java.util.regex.Pattern;

import org.apiguardian.api.API;

/** Checks image references against the grammar of Docker's distribution reference. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ImageReference {

    private static final String ALPHANUMERIC = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|-+)";
    private static final String PATH_COMPONENT = ALPHANUMERIC + "(?:" + SEPARATOR + ALPHANUMERIC + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(
            "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*"
                    + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");

    private ImageReference() {
    }

    /** Whether {@code reference} is a well-formed image reference such as {@code redis:7} or {@code host:5000/a/b@sha256:...}. */
    public static boolean isValid(String reference) {
        return reference != null && reference.length() <= 255 && REFERENCE.matcher(reference).matches();
    }
}
