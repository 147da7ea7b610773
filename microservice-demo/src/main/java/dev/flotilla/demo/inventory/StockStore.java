package dev.flotilla.demo.inventory;

import java.util.List;
import java.util.OptionalLong;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/** Stock levels in Redis, one key {@code stock:<sku>} per article, changed atomically. */
final class StockStore {

    /** Returns the stock left after taking ARGV[1], -1 when there is too little, -2 for an unknown article. */
    private static final String RESERVE = ""
            + "local stock = redis.call('GET', KEYS[1])\n"
            + "if not stock then return -2 end\n"
            + "if tonumber(stock) < tonumber(ARGV[1]) then return -1 end\n"
            + "return redis.call('DECRBY', KEYS[1], ARGV[1])\n";

    private final RedisClient redis;

    StockStore(RedisClient redis) {
        this.redis = redis;
    }

    /** Sets the stock of each article that has none yet: {@code "widget=100,gadget=25"}. */
    void seed(String initialStock) {
        for (String item : initialStock.split(",")) {
            String[] parts = item.trim().split("=");
            if (parts.length == 2) {
                redis.set(key(parts[0].trim()), parts[1].trim(), SetParams.setParams().nx());
            }
        }
    }

    /** The stock of an article, empty if it is unknown. */
    OptionalLong available(String sku) {
        String stock = redis.get(key(sku));
        return stock == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stock));
    }

    /** Takes {@code quantity} from the stock: the stock left, -1 when there is too little, -2 for an unknown article. */
    long reserve(String sku, int quantity) {
        return (Long) redis.eval(RESERVE, List.of(key(sku)), List.of(Integer.toString(quantity)));
    }

    /** Puts {@code quantity} back, after an order could not be stored. */
    long release(String sku, int quantity) {
        return redis.incrBy(key(sku), quantity);
    }

    boolean healthy() {
        try {
            return "PONG".equals(redis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String key(String sku) {
        return "stock:" + sku;
    }
}
