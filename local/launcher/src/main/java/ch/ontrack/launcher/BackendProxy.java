package ch.ontrack.launcher;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Request;

/**
 * Streams requests to a backend's API port, as the production gateway does: the Host header is
 * kept, X-Forwarded-* are set by the gateway only (a client's own values are dropped).
 */
final class BackendProxy extends ProxyHandler.Reverse {

  private static final String[] FORWARDED =
      {"X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host", "X-Forwarded-Port", "Forwarded"};

  BackendProxy(int port) {
    super(request -> HttpURI.build(request.getHttpURI()).scheme("http").host("127.0.0.1").port(port));
    setViaHost("gateway");
  }

  @Override
  protected HttpClient newHttpClient() {
    HttpClient client = super.newHttpClient();
    client.setFollowRedirects(false);
    client.setIdleTimeout(300_000);
    return client;
  }

  @Override
  protected org.eclipse.jetty.http.HttpField filterServerToProxyResponseField(org.eclipse.jetty.http.HttpField field) {
    // the gateway sends its own Date header
    return field.getHeader() == HttpHeader.DATE ? null : field;
  }

  @Override
  protected void copyRequestHeaders(Request clientToProxy, org.eclipse.jetty.client.Request proxyToServer) {
    super.copyRequestHeaders(clientToProxy, proxyToServer);
    proxyToServer.headers(
        headers -> {
          for (String name : FORWARDED) {
            headers.remove(name);
          }
        });
  }

  @Override
  protected void addProxyHeaders(Request clientToProxy, org.eclipse.jetty.client.Request proxyToServer) {
    super.addProxyHeaders(clientToProxy, proxyToServer);
    String host = clientToProxy.getHeaders().get(HttpHeader.HOST);
    proxyToServer.headers(
        headers -> {
          headers.put("X-Forwarded-For", Request.getRemoteAddr(clientToProxy));
          headers.put("X-Forwarded-Proto", clientToProxy.isSecure() ? "https" : "http");
          headers.put("X-Forwarded-Port", Integer.toString(Request.getLocalPort(clientToProxy)));
          if (host != null) {
            headers.put("X-Forwarded-Host", host);
          }
        });
  }
}
