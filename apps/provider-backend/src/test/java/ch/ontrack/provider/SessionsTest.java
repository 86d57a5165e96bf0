package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionsTest extends ApiTest {

    @Test
    void listsWhereTheAccountIsSignedInWithoutSessionIds() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        provider.login(browser()).expect(200);

        var sessions = browser.get("/api/auth/sessions").expect(200);
        List<Map<String, Object>> list = JsonPath.read(sessions.text(), "$");
        assertThat(list).hasSize(2);
        assertThat(list.get(0)).containsEntry("current", true);
        assertThat(list.get(1)).containsEntry("current", false);
        assertThat(list.get(0).get("address")).asString().startsWith("10.");
        assertThat(list.get(0)).containsKeys("device", "lastSeenAt", "signedInAt");
        assertThat(sessions.text()).doesNotContain(browser.cookie("__Host-oc-session"));
    }

    @Test
    void signOutOneSessionAndEverywhereElse() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession browser = browser();
        provider.signUp(browser).expect(201);
        ApiSession second = browser();
        provider.login(second).expect(200);
        ApiSession third = browser();
        provider.login(third).expect(200);

        List<Map<String, Object>> list =
                JsonPath.read(browser.get("/api/auth/sessions").expect(200).text(), "$");
        String other = (String) list.get(1).get("id");
        assertThat(browser.delete("/api/auth/sessions/" + other, Map.of("password", "not the password"))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-password");
        browser.delete("/api/auth/sessions/" + other).expect(400);
        assertThat(List.of(
                        second.get("/api/auth/me").status(),
                        third.get("/api/auth/me").status()))
                .containsExactly(200, 200);
        browser.delete("/api/auth/sessions/" + other, Map.of("password", provider.password()))
                .expect(204);
        assertThat(List.of(
                        second.get("/api/auth/me").status(),
                        third.get("/api/auth/me").status()))
                .containsExactlyInAnyOrder(200, 401);

        assertThat(JsonPath.<Integer>read(
                        browser.post("/api/auth/sessions/end-others", Map.of("password", provider.password()))
                                .expect(200)
                                .text(),
                        "$.ended"))
                .isOne();
        second.get("/api/auth/me").expect(401);
        third.get("/api/auth/me").expect(401);
        browser.get("/api/auth/me").expect(200);
        assertThat(JsonPath.<List<?>>read(browser.get("/api/auth/sessions").text(), "$"))
                .hasSize(1);
    }

    @Test
    void aSessionWithoutThePasswordCannotSignTheOwnerOutAnywhere() {
        TestData.ProviderData provider = TestData.provider();
        ApiSession owner = browser();
        provider.signUp(owner).expect(201);
        ApiSession taken = browser();
        provider.login(taken).expect(200);

        assertThat(taken.post("/api/auth/sessions/end-others", Map.of("password", "a guess"))
                        .expect(403)
                        .problemType())
                .isEqualTo("wrong-password");
        taken.post("/api/auth/sessions/end-others", Map.of()).expect(422);
        owner.get("/api/auth/me").expect(200);
        // the owner, who knows the password, ends the other session
        owner.post("/api/auth/sessions/end-others", Map.of("password", provider.password()))
                .expect(200);
        taken.get("/api/auth/me").expect(401);
        owner.get("/api/auth/me").expect(200);
    }

    @Test
    void anotherAccountsSessionCannotBeEnded() {
        TestData.ProviderData owner = TestData.provider();
        ApiSession ownerBrowser = browser();
        owner.signUp(ownerBrowser).expect(201);
        String id = (String) JsonPath.<List<Map<String, Object>>>read(
                        ownerBrowser.get("/api/auth/sessions").text(), "$")
                .get(0)
                .get("id");

        TestData.ProviderData other = TestData.provider();
        ApiSession otherBrowser = browser();
        other.signUp(otherBrowser).expect(201);
        otherBrowser
                .delete("/api/auth/sessions/" + id, Map.of("password", other.password()))
                .expect(204);
        ownerBrowser.get("/api/auth/me").expect(200);
    }
}
