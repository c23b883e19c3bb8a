package io.ghcapi.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's sign-in with the admin token: an HttpOnly cookie that does not carry the token itself. */
@ExtendWith(VertxExtension.class)
class AdminSessionTest {

  private static final String TOKEN = "dashboard-admin-token-42";
  private GatewayFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = GatewayFixture.with(vertx).config("admin_token", TOKEN).start();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void signingInSetsAnHttpOnlyCookieThatOpensTheAdminApiAndSigningOutClearsIt() {
    JsonObject before = fixture.get("/api/admin-session").bodyAsJsonObject();
    assertTrue(before.getBoolean("admin_token_required"));
    assertFalse(before.getBoolean("signed_in"));
    assertEquals(401, signIn("wrong-token").statusCode());

    HttpResponse<Buffer> signedIn = signIn(TOKEN);
    assertEquals(204, signedIn.statusCode());
    String setCookie = signedIn.getHeader("set-cookie");
    assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
    assertFalse(setCookie.contains(TOKEN), "the cookie never carries the token itself");
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    assertEquals(200, withCookie("/api/runtime-config", cookie).statusCode());
    assertTrue(withCookie("/api/admin-session", cookie).bodyAsJsonObject().getBoolean("signed_in"));
    assertEquals(401, withCookie("/api/runtime-config", "ghc_admin_token=" + TOKEN).statusCode(),
        "the raw token is not a session cookie");

    HttpResponse<Buffer> signedOut = Await.result(fixture.web().delete("/api/admin-session").send());
    assertEquals(204, signedOut.statusCode());
    assertTrue(signedOut.getHeader("set-cookie").contains("Max-Age=0"));
  }

  @Test
  void aCrossSitePageCannotSignIn() {
    HttpResponse<Buffer> response = Await.result(fixture.web().post("/api/admin-session")
        .putHeader("Origin", "https://evil.example").sendJsonObject(new JsonObject().put("token", TOKEN)));
    assertEquals(403, response.statusCode());
  }

  private HttpResponse<Buffer> signIn(String token) {
    return Await.result(fixture.web().post("/api/admin-session").sendJsonObject(new JsonObject().put("token", token)));
  }

  private HttpResponse<Buffer> withCookie(String path, String cookie) {
    return Await.result(fixture.web().get(path).putHeader("Cookie", cookie).send());
  }
}
