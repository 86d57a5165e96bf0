package ch.ontrack.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Judging what the API answered: the expected status, the id of what was created, the values. */
final class Answers {

  /** A step's failure, in words. */
  static final class Failure extends RuntimeException {
    Failure(String reason) {
      super(reason);
    }
  }

  private Answers() {}

  static Http.Response expect(Http.Response r, int status, String what) {
    if (r.status() != status) {
      throw new Failure(what + " answered " + r.summary() + "; expected " + status);
    }
    return r;
  }

  static String id(Http.Response r) {
    Object id = Json.object(r.text()).get("id");
    if (id == null) {
      throw new Failure("no id in " + r.summary());
    }
    return id instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : id.toString();
  }

  /** Every string anywhere in a parsed JSON value. */
  static List<String> strings(Object json) {
    List<String> out = new ArrayList<>();
    if (json instanceof String s) {
      out.add(s);
    } else if (json instanceof Map<?, ?> map) {
      map.values().forEach(v -> out.addAll(strings(v)));
    } else if (json instanceof List<?> list) {
      list.forEach(v -> out.addAll(strings(v)));
    }
    return out;
  }
}
