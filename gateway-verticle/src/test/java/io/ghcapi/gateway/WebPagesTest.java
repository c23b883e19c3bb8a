package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's files (here, test stand-ins under webroot/) and the admin API reached over HTTP/2. */
@ExtendWith(VertxExtension.class)
class WebPagesTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void assetsAreServedFromWebrootAssetsAndTheFaviconFromWebroot() {
    HttpResponse<Buffer> css = fixture.get("/assets/probe.css");
    assertEquals(200, css.statusCode());
    assertTrue(css.getHeader("content-type").startsWith("text/css"));
    assertEquals(404, fixture.get("/assets/../index.html").statusCode(), "nothing outside webroot/assets");

    HttpResponse<Buffer> favicon = fixture.get("/favicon.svg");
    assertEquals(200, favicon.statusCode());
    assertEquals("image/svg+xml", favicon.getHeader("content-type"));

    HttpResponse<Buffer> page = fixture.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("content-security-policy").contains("script-src 'self'"));
  }

  @Test
  void anHttp2ClientWithoutAHostHeaderIsJudgedByItsAuthority(Vertx vertx) {
    var client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    int port = URI.create(fixture.baseUrl()).getPort();
    var response = Await.result(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
        .setPort(port).setURI("/api/runtime-config")).compose(request -> request.send()));
    assertEquals(HttpVersion.HTTP_2, response.version());
    assertEquals(200, response.statusCode());
  }
}
