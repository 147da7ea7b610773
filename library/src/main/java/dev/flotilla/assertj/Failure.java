package dev.flotilla.assertj;

import org.assertj.core.description.Description;
import org.assertj.core.error.DescriptionFormatter;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/**
 * A failure message taken as it is, after the assertion's {@code as(...)} description. AssertJ's
 * own messages are format strings: a log line holding {@code %} would break them.
 */
final class Failure implements ErrorMessageFactory {

    private final String message;

    Failure(String message) {
        this.message = message;
    }

    @Override
    public String create(Description description, Representation representation) {
        return DescriptionFormatter.instance().format(description) + message;
    }

    @Override
    public String create(Description description) {
        return create(description, null);
    }

    @Override
    public String create() {
        return message;
    }
}
