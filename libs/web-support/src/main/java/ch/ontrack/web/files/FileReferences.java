package ch.ontrack.web.files;

import java.util.regex.Pattern;

/**
 * The backend's column that refers to {@code file_object.id}: a stored file no row refers to is an orphan
 * ({@link FileCleanup}). Declaring this bean turns the file store on.
 */
public record FileReferences(String table, String column) {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    public FileReferences {
        if (!NAME.matcher(table).matches() || !NAME.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a plain SQL name: " + table + "." + column);
        }
    }
}
