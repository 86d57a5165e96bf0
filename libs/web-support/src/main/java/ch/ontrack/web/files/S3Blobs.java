package ch.ontrack.web.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as S3 objects {@code files/<id>}. Uploads hold one part ({@code partSize}) in memory: a blob smaller than
 * a part is one PUT, a larger one a multipart upload that is aborted when the upload fails. Reads are ranged GETs
 * from the position asked for, kept open while the reader goes forward.
 */
final class S3Blobs implements Blobs {

    private static final String PREFIX = "files/";

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    S3Blobs(S3Client s3, String bucket, int partSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
    }

    static String key(UUID id) {
        return PREFIX + id;
    }

    @Override
    public Sink create(UUID id) {
        return new Sink() {
            private final byte[] part = new byte[partSize];
            private final List<CompletedPart> parts = new ArrayList<>();
            private int filled;
            private String uploadId;

            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                while (length > 0) {
                    if (filled == partSize) {
                        uploadPart();
                    }
                    int n = Math.min(length, partSize - filled);
                    System.arraycopy(bytes, offset, part, filled, n);
                    filled += n;
                    offset += n;
                    length -= n;
                }
            }

            /** The part as it is in the buffer: no copy (a part may be several MiB). */
            private RequestBody body() {
                return RequestBody.fromInputStream(new java.io.ByteArrayInputStream(part, 0, filled), filled);
            }

            private void uploadPart() {
                call(() -> {
                    if (uploadId == null) {
                        uploadId = s3.createMultipartUpload(
                                        b -> b.bucket(bucket).key(key(id)))
                                .uploadId();
                    }
                    int number = parts.size() + 1;
                    String etag = s3.uploadPart(
                                    b -> b.bucket(bucket)
                                            .key(key(id))
                                            .uploadId(uploadId)
                                            .partNumber(number),
                                    body())
                            .eTag();
                    parts.add(CompletedPart.builder()
                            .partNumber(number)
                            .eTag(etag)
                            .build());
                    return null;
                });
                filled = 0;
            }

            @Override
            public void close() {
                if (uploadId == null) {
                    call(() -> s3.putObject(b -> b.bucket(bucket).key(key(id)), body()));
                    return;
                }
                if (filled > 0) {
                    uploadPart();
                }
                call(() -> s3.completeMultipartUpload(
                        b -> b.bucket(bucket).key(key(id)).uploadId(uploadId).multipartUpload(m -> m.parts(parts))));
            }

            @Override
            void abort() {
                if (uploadId != null) {
                    try {
                        s3.abortMultipartUpload(
                                b -> b.bucket(bucket).key(key(id)).uploadId(uploadId));
                    } catch (SdkException e) {
                        // the bucket's lifecycle rule drops incomplete uploads (docs/architecture.md "File storage")
                    }
                }
            }
        };
    }

    @Override
    public ReadChannel open(FileObject file) {
        UUID id = file.id();
        return new ReadChannel(file.storedSize()) {
            private ResponseInputStream<GetObjectResponse> in;
            private long inPosition = -1;

            @Override
            int readSome(ByteBuffer target) throws IOException {
                if (position >= size()) {
                    return -1;
                }
                if (in == null || inPosition != position) {
                    drop();
                    long from = position;
                    in = call(() ->
                            s3.getObject(b -> b.bucket(bucket).key(key(id)).range("bytes=" + from + "-")));
                    inPosition = from;
                }
                int n;
                try {
                    n = read(in, target);
                } catch (IOException | SdkException e) {
                    drop();
                    throw new FileStoreUnavailable("Reading " + key(id) + " from the bucket failed", e);
                }
                if (n < 0) {
                    return -1;
                }
                position += n;
                inPosition += n;
                return n;
            }

            /** Straight into the buffer's array when it has one (Tink's segment buffers do): no copy, no garbage. */
            private static int read(InputStream in, ByteBuffer target) throws IOException {
                if (target.hasArray()) {
                    int n = in.read(target.array(), target.arrayOffset() + target.position(), target.remaining());
                    if (n > 0) {
                        target.position(target.position() + n);
                    }
                    return n;
                }
                byte[] bytes = new byte[Math.min(target.remaining(), 64 * 1024)];
                int n = in.read(bytes);
                if (n > 0) {
                    target.put(bytes, 0, n);
                }
                return n;
            }

            private void drop() {
                if (in != null) {
                    in.abort(); // not drained: the rest of the object is not wanted
                    in = null;
                }
            }

            @Override
            public void close() throws IOException {
                drop();
                super.close();
            }
        };
    }

    /** The whole blob as stored, for the migration's checksum. */
    InputStream read(UUID id) {
        return call(() -> s3.getObject(b -> b.bucket(bucket).key(key(id))));
    }

    @Override
    public void delete(UUID id) {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key(id))));
    }

    /** Every blob last written before {@code before}, page by page. */
    void forEachOlderThan(Instant before, Consumer<UUID> action) {
        call(() -> {
            for (S3Object object : s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(PREFIX))
                    .contents()) {
                if (object.lastModified().isBefore(before)) {
                    try {
                        action.accept(UUID.fromString(object.key().substring(PREFIX.length())));
                    } catch (IllegalArgumentException e) {
                        // not one of ours
                    }
                }
            }
            return null;
        });
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw new FileStoreUnavailable("The bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }
}
