package dev.flotilla.spring.context;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.apiguardian.api.API;

/** R2DBC's options for a PostgreSQL service; apart, so that only a class path with R2DBC loads it. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class R2dbcOptions {

    private R2dbcOptions() {
    }

    /** {@code r2dbc:postgresql://user:password@host:port/database} as options. */
    public static ConnectionFactoryOptions of(PostgresAccess access) {
        return ConnectionFactoryOptions.builder()
                .option(ConnectionFactoryOptions.DRIVER, "postgresql")
                .option(ConnectionFactoryOptions.HOST, access.host())
                .option(ConnectionFactoryOptions.PORT, access.port())
                .option(ConnectionFactoryOptions.DATABASE, access.database())
                .option(ConnectionFactoryOptions.USER, access.username())
                .option(ConnectionFactoryOptions.PASSWORD, access.password())
                .build();
    }
}
