package ch.ontrack.client.share;

import ch.ontrack.web.ApiProblem;
import java.util.regex.Pattern;

/** Share and file ids are chosen by the provider backend (UUIDs); anything else is unknown here. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private Ids() {}

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Returns the id, or a 404 problem naming what was not found. */
    public static String require(String id, String what) {
        if (!valid(id)) {
            throw ApiProblem.notFound(what);
        }
        return id;
    }
}
