package ch.ontrack.web.files;

/** The object storage did not answer or failed: the API answers 503 {@code file-store-unavailable}. */
public class FileStoreUnavailable extends RuntimeException {

    public FileStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
