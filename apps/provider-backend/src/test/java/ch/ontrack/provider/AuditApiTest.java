package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The account's audit log: what is recorded, reading it page by page and as CSV, and that nothing changes it. */
class AuditApiTest extends ApiTest {

    static final StubClientBackend CLIENT = new StubClientBackend();

    @DynamicPropertySource
    static void clientBackend(DynamicPropertyRegistry env) {
        env.add("oc.sharing.client-internal-url", CLIENT::url);
    }

    @Test
    void signInsAndFailedSignInsAreRecordedWithTheAddress() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        ApiSession elsewhere = browser();
        TestData.provider()
                .with("email", provider.email())
                .with("password", "not the password")
                .login(elsewhere)
                .expect(401);
        provider.login(browser).expect(200);

        var failed = browser.get("/api/audit?type=SIGN_IN_FAILED").expect(200);
        var signIns = browser.get("/api/audit?type=sign_in").expect(200);

        assertThat(JsonPath.<Integer>read(failed.text(), "$.total")).isEqualTo(1);
        assertThat(JsonPath.<String>read(failed.text(), "$.items[0].ip"))
                .isEqualTo(elsewhere.header("X-Forwarded-For"));
        assertThat(JsonPath.<Integer>read(signIns.text(), "$.total")).isEqualTo(1);
        assertThat(JsonPath.<String>read(signIns.text(), "$.items[0].ip")).isEqualTo(browser.header("X-Forwarded-For"));
    }

    @Test
    void whatTheProviderAndTheClientDoIsRecordedNewestFirst() {
        ApiSession browser = signedIn();
        UUID client = browser.post("/api/clients", TestData.client("Anna Muster"))
                .expect(201)
                .id();
        browser.delete("/api/clients/" + client).expect(204);
        UUID document = documentWithFile(browser);
        var sent = browser.post("/api/documents/" + document + "/shares", TestData.shareTo("bruno@example.ch"))
                .expect(201);
        UUID share = sent.id();
        assertThat(JsonPath.<String>read(sent.text(), "$.status")).isEqualTo("DELIVERED");
        browser.post("/api/shares/" + share + "/regenerate-code", Map.of()).expect(200);
        browser.patch(
                        "/api/shares/" + share,
                        Map.of(
                                "expiresAt",
                                Instant.now().plus(9, ChronoUnit.DAYS).toString()))
                .expect(200);
        String file = UUID.randomUUID().toString();
        CLIENT.events(share, """
        {"locked":false,"failedAttempts":0,"revoked":false,"expiresAt":"%s","events":[
          {"type":"VIEWED","at":"2026-01-05T10:00:00Z"},
          {"type":"DOWNLOADED","at":"2026-01-05T10:01:00Z","fileId":"%s"}]}
        """.formatted(Instant.now().plus(9, ChronoUnit.DAYS), file));

        var log = browser.get("/api/audit").expect(200);
        browser.get("/api/audit").expect(200);
        browser.post("/api/shares/" + share + "/revoke", Map.of()).expect(200);
        var after = browser.get("/api/audit").expect(200);

        assertThat(JsonPath.<List<String>>read(log.text(), "$.items[*].type"))
                .containsExactly(
                        "EXPIRY_CHANGED",
                        "CODE_REGENERATED",
                        "DOCUMENT_SENT",
                        "CLIENT_DELETED",
                        "CLIENT_CREATED",
                        "CLIENT_DOWNLOADED",
                        "CLIENT_VIEWED");
        assertThat(JsonPath.<String>read(log.text(), "$.items[2].details")).isEqualTo("bruno@example.ch");
        assertThat(JsonPath.<String>read(log.text(), "$.items[2].subjectId")).isEqualTo(share.toString());
        assertThat(JsonPath.<String>read(log.text(), "$.items[5].details")).contains(file);
        assertThat(JsonPath.<Integer>read(after.text(), "$.total")).isEqualTo(8);
        assertThat(JsonPath.<String>read(after.text(), "$.items[0].type")).isEqualTo("SHARE_REVOKED");
    }

    @Test
    void pagesAndFilters() {
        ApiSession browser = signedIn();
        for (int i = 0; i < 5; i++) {
            browser.post("/api/clients", TestData.client("Client " + i)).expect(201);
        }
        String today = LocalDate.now(java.time.ZoneId.of("Europe/Zurich")).toString();
        String tomorrow =
                LocalDate.now(java.time.ZoneId.of("Europe/Zurich")).plusDays(1).toString();

        var first = browser.get("/api/audit?page=0&size=2").expect(200);
        var last = browser.get("/api/audit?page=2&size=2").expect(200);
        var todays = browser.get("/api/audit?from=" + today + "&to=" + today + "&type=CLIENT_CREATED")
                .expect(200);
        var none = browser.get("/api/audit?from=" + tomorrow).expect(200);

        assertThat(JsonPath.<Integer>read(first.text(), "$.total")).isEqualTo(5);
        assertThat(JsonPath.<List<String>>read(first.text(), "$.items[*].details"))
                .containsExactly("client4@example.ch", "client3@example.ch");
        assertThat(JsonPath.<List<String>>read(last.text(), "$.items[*].details"))
                .containsExactly("client0@example.ch");
        assertThat(JsonPath.<Integer>read(todays.text(), "$.total")).isEqualTo(5);
        assertThat(JsonPath.<Integer>read(none.text(), "$.total")).isZero();
        assertThat(browser.get("/api/audit?type=NOPE").expect(400).problemType())
                .isEqualTo("invalid-parameter");
        assertThat(browser.get("/api/audit?from=yesterday").expect(400).problemType())
                .isEqualTo("invalid-parameter");
        browser.get("/api/audit?size=101").expect(400);
    }

    @Test
    void anotherAccountSeesNoneOfIt() {
        ApiSession mine = signedIn();
        mine.post("/api/clients", TestData.client("Anna Muster")).expect(201);
        ApiSession theirs = signedIn();

        assertThat(JsonPath.<Integer>read(theirs.get("/api/audit").expect(200).text(), "$.total"))
                .isZero();
        assertThat(theirs.get("/api/audit.csv").expect(200).text()).doesNotContain("annamuster@example.ch");
        browser().get("/api/audit").expect(401);
    }

    @Test
    void theCsvExportCannotRunFormulas() {
        ApiSession browser = signedIn();
        browser.post("/api/clients", Map.of("name", "Formula", "email", "=1+2@example.ch"))
                .expect(201);
        browser.post("/api/clients", Map.of("name", "Quote", "email", "a\"b@example.ch"))
                .expect(422);
        browser.post("/api/clients", Map.of("name", "Plain", "email", "plain@example.ch"))
                .expect(201);

        var csv = browser.get("/api/audit.csv").expect(200);

        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"activity.csv\"");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\"time\",\"type\",\"ip\",\"subject\",\"details\"");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).contains("\"CLIENT_CREATED\"").endsWith(",\"plain@example.ch\"");
        assertThat(lines.get(2)).endsWith(",\"'=1+2@example.ch\"");
    }

    @Test
    void noApiAndNoStatementChangesTheLogAndItGoesOnlyWithTheAccount() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        UUID account = provider.signUp(browser).expect(201).id();
        browser.post("/api/clients", TestData.client("Anna Muster")).expect(201);
        long id = JsonPath.<Number>read(browser.get("/api/audit").expect(200).text(), "$.items[0].id")
                .longValue();

        assertThat(browser.delete("/api/audit").status()).isEqualTo(405);
        assertThat(browser.put("/api/audit", Map.of()).status()).isEqualTo(405);
        assertThat(browser.delete("/api/audit/" + id).status()).isIn(404, 405);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set details = 'x' where id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?")
                        .param(id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(count(account)).isEqualTo(1);

        browser.delete("/api/auth/account", Map.of("password", provider.password()))
                .expect(204);

        assertThat(count(account)).isZero();
    }

    private int count(UUID account) {
        return jdbc.sql("select count(*) from audit_event where provider_id = ?")
                .param(account)
                .query(Integer.class)
                .single();
    }

    private static UUID documentWithFile(ApiSession browser) {
        UUID document = browser.post("/api/documents", TestData.document("Annual accounts"))
                .expect(201)
                .id();
        browser.upload("/api/documents/" + document + "/files", "accounts.pdf", "application/pdf", DocumentApiTest.PDF)
                .expect(201);
        return document;
    }
}
