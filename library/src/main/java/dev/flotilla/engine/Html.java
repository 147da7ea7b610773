package dev.flotilla.engine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Text and links for the run report's page. Everything a user or a container chose (names,
 * images, test names, failure messages) goes through {@link #escape}; links are relative to the
 * page, so it works opened as {@code file://} and moved with its directory.
 */
final class Html {

    private Html() {
    }

    /** Text safe in element content and in quoted attribute values, of HTML and of inline SVG alike. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                // Control characters from a container's output are not allowed in HTML (nor XML): shown as a space.
                default -> escaped.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return escaped.toString();
    }

    /** {@code target} relative to the directory of {@code page}, '/'-separated and percent-encoded, ready for an href. */
    static String href(Path page, Path target) {
        String relative = page.toAbsolutePath().getParent().relativize(target.toAbsolutePath()).toString().replace('\\', '/');
        StringBuilder encoded = new StringBuilder();
        for (byte b : relative.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 0x80 || "/._-~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** A link to {@code target}, relative to {@code page}. */
    static String link(Path page, Path target, String text) {
        return "<a href=\"" + escape(href(page, target)) + "\">" + escape(text) + "</a>";
    }

    /** The opening of an inline SVG picture of {@code width} x {@code height} pixels, with its title for screen readers and tooltips. */
    static String svg(String cssClass, int width, int height, String title) {
        return "<svg class=\"" + cssClass + "\" role=\"img\" width=\"" + width + "\" height=\"" + height + "\" viewBox=\"0 0 " + width
                + " " + height + "\">\n<title>" + escape(title) + "</title>\n";
    }
}
