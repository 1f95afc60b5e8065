package kanade.backend;

import kanade.backend.store.DbSettings;
import kanade.testkit.PostgresFixture;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresProjectionTest extends ProjectionContract {
    @RegisterExtension
    static final PostgresFixture postgres = PostgresFixture.create();

    @Override
    DbSettings database() {
        return DbSettings.postgres(postgres.jdbcUrl(), postgres.user());
    }
}
