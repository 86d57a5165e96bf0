package ch.ontrack.provider.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The address book, always scoped to one provider. */
@Repository
public class Clients {

    private final JdbcClient jdbc;

    Clients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Client> find(UUID providerId, UUID id) {
        return jdbc.sql("select id, name, email, language from client where provider_id = ? and id = ?")
                .params(providerId, id)
                .query(Client.class)
                .optional();
    }

    List<Client> list(UUID providerId) {
        return jdbc.sql("select id, name, email, language from client where provider_id = ? order by lower(name), id")
                .param(providerId)
                .query(Client.class)
                .list();
    }

    Client create(UUID providerId, String name, String email, String language) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into client (id, provider_id, name, email, language) values (?, ?, ?, ?, ?)")
                .params(id, providerId, name, email, language)
                .update();
        return new Client(id, name, email, language);
    }

    /** A null language keeps the one stored. Empty when the provider has no such client. */
    Optional<Client> update(UUID providerId, UUID id, String name, String email, String language) {
        return jdbc.sql("update client set name = ?, email = ?, language = coalesce(?, language)"
                        + " where provider_id = ? and id = ? returning id, name, email, language")
                .params(name, email, language, providerId, id)
                .query(Client.class)
                .optional();
    }

    boolean delete(UUID providerId, UUID id) {
        return jdbc.sql("delete from client where provider_id = ? and id = ?")
                        .params(providerId, id)
                        .update()
                == 1;
    }
}
