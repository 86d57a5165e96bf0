package ch.ontrack.provider.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Accounts {

    record Stored(Provider provider, String passwordHash) {}

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Provider create(String email, String passwordHash, String organisation) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into provider (id, email, password_hash, organisation) values (?, ?, ?, ?)")
                .params(id, email, passwordHash, organisation)
                .update();
        return new Provider(id, email, organisation);
    }

    Optional<Stored> byEmail(String email) {
        return jdbc.sql("select id, email, organisation, password_hash from provider where lower(email) = lower(?)")
                .param(email)
                .query((rs, n) -> new Stored(
                        new Provider(
                                rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("organisation")),
                        rs.getString("password_hash")))
                .optional();
    }

    Optional<Stored> byId(UUID id) {
        return jdbc.sql("select id, email, organisation, password_hash from provider where id = ?")
                .param(id)
                .query((rs, n) -> new Stored(
                        new Provider(
                                rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("organisation")),
                        rs.getString("password_hash")))
                .optional();
    }

    void changePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("update provider set password_hash = ? where id = ?")
                .params(passwordHash, id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("delete from provider where id = ?").param(id).update();
    }
}
