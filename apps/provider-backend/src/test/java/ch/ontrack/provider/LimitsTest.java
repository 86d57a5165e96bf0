package ch.ontrack.provider;

import static org.assertj.core.api.Assertions.assertThat;

import ch.ontrack.apiclient.ApiSession;
import ch.ontrack.web.ShareLimits;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the client backend would refuse at delivery, the provider refuses first, at upload or at send. */
class LimitsTest extends ApiTest {

    @Test
    void aDocumentTakesNoMoreFilesThanAShareMayCarry() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Receipts"))
                .expect(201)
                .id();
        addFileRecords(document, ShareLimits.MAX_FILES, 1);

        var refused = browser.upload(
                        "/api/documents/" + document + "/files", "one-more.pdf", "application/pdf", DocumentApiTest.PDF)
                .expect(422);
        assertThat(refused.problemType()).isEqualTo("too-many-files");
        assertThat(JsonPath.<String>read(refused.text(), "$.detail")).contains(String.valueOf(ShareLimits.MAX_FILES));
    }

    @Test
    void aDocumentWithMoreFilesThanAShareMayCarryIsRefusedAtSend() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Receipts from before the limit"))
                .expect(201)
                .id();
        // as if uploaded before the limit existed
        addFileRecords(document, ShareLimits.MAX_FILES + 1, 1);

        var refused = browser.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
                .expect(422);
        assertThat(refused.problemType()).isEqualTo("too-many-files");
        assertThat(jdbc.sql("select count(*) from share where document_id = ?")
                        .param(document)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aDocumentLargerThanTheLimitsIsRefusedAtSend() {
        ApiSession browser = signedIn();
        UUID document = browser.post("/api/documents", TestData.document("Scans"))
                .expect(201)
                .id();
        // as if uploaded while UPLOAD_MAX_DOCUMENT_SIZE was larger than today's 4 MB
        addFileRecords(document, 3, 2 * 1024 * 1024);

        var refused = browser.post("/api/documents/" + document + "/shares", TestData.shareTo("anna@example.ch"))
                .expect(422);
        assertThat(refused.problemType()).isEqualTo("document-too-large");
    }

    private void addFileRecords(UUID document, int count, long size) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("insert into document_file (id, document_id, name, content_type, size) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), document, "receipt-" + i + ".pdf", "application/pdf", size)
                    .update();
        }
    }
}
