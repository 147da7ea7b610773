package dev.flotilla.demo.orders;

import dev.flotilla.demo.http.JsonHttp.BadRequest;

/**
 * An order to place: {@code {"sku": "widget", "quantity": 2}}.
 *
 * @param sku the article
 * @param quantity how many, 1 to 1000
 */
public record OrderRequest(String sku, int quantity) {

    /** This request, or a {@link BadRequest} saying what is wrong with it. */
    public OrderRequest validated() {
        if (sku == null || !sku.matches("[a-z0-9-]{1,40}")) {
            throw new BadRequest("sku \"" + sku + "\" is not an article number (lower-case letters, digits and '-')");
        }
        if (quantity < 1 || quantity > 1000) {
            throw new BadRequest("quantity " + quantity + " is not between 1 and 1000");
        }
        return this;
    }
}
