package dev.flotilla.demo.orders;

/**
 * A stored order.
 *
 * @param id its number
 * @param sku the article
 * @param quantity how many
 * @param createdAt when it was stored, ISO-8601
 */
public record Order(long id, String sku, int quantity, String createdAt) {
}
