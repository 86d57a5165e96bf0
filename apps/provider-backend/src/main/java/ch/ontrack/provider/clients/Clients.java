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
    return jdbc.sql("select id, name, email from client where provider_id = ? and id = ?")
        .params(providerId, id)
        .query(Client.class)
        .optional();
  }

  List<Client> list(UUID providerId) {
    return jdbc.sql("select id, name, email from client where provider_id = ? order by lower(name), id")
        .param(providerId)
        .query(Client.class)
        .list();
  }

  Client create(UUID providerId, String name, String email) {
    UUID id = UUID.randomUUID();
    jdbc.sql("insert into client (id, provider_id, name, email) values (?, ?, ?, ?)")
        .params(id, providerId, name, email)
        .update();
    return new Client(id, name, email);
  }

  boolean update(UUID providerId, Client client) {
    return jdbc.sql("update client set name = ?, email = ? where provider_id = ? and id = ?")
        .params(client.name(), client.email(), providerId, client.id())
        .update() == 1;
  }

  boolean delete(UUID providerId, UUID id) {
    return jdbc.sql("delete from client where provider_id = ? and id = ?").params(providerId, id).update() == 1;
  }
}
