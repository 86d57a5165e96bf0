package ch.ontrack.client.internal;

import ch.ontrack.client.file.FileStore;
import ch.ontrack.client.share.AccessCodes;
import ch.ontrack.client.share.ShareInput;
import ch.ontrack.client.share.Shares;
import ch.ontrack.web.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepts a share from the provider backend. Idempotent on the share id: a retry updates the same
 * row and issues a fresh code, because the caller never saw the first one.
 */
@Service
class ShareDelivery {

    record Delivered(String accessCode, boolean created) {}

    private final Shares shares;
    private final FileStore files;

    ShareDelivery(Shares shares, FileStore files) {
        this.shares = shares;
        this.files = files;
    }

    @Transactional
    Delivered deliver(String shareId, ShareInput input, List<String> fileIds, AccessCodes.Issued code) {
        shares.lockId(shareId);
        List<String> missing = files.missing(shareId, fileIds);
        if (!missing.isEmpty()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "files-missing",
                    "Files missing",
                    "Upload every file of the share before the share itself.",
                    Map.of("missingFileIds", missing));
        }
        files.retainOnly(shareId, fileIds);
        try {
            if (shares.find(shareId).isPresent()) {
                shares.update(shareId, input);
                shares.replaceAccessCode(shareId, code.hash());
                return new Delivered(code.code(), false);
            }
            shares.insert(shareId, input, code.hash());
            return new Delivered(code.code(), true);
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "token-conflict",
                    "Token already used",
                    "Another share already uses this link token.");
        }
    }
}
