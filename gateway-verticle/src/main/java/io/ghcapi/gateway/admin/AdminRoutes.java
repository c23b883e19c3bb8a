package io.ghcapi.gateway.admin;

import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.auth.GithubUrls;
import io.ghcapi.gateway.auth.WebDeviceLogin;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;

/** Puts the admin API ({@code /api/*}) on a router, behind {@link AdminAccess}. */
public final class AdminRoutes {

  private AdminRoutes() {
  }

  /**
   * @param login the one device login of this gateway, shared by its instances
   */
  public static void register(Router router, GatewayServices services, WebDeviceLogin login) {
    router.route("/api/*").handler(new AdminAccess(services::config));
    BusCalls bus = new BusCalls(services.vertx().eventBus());
    new HistoryApi(services, bus).register(router);
    new RuntimeConfigApi(services.runtime(), services.vertx().eventBus(), services.jsonBodies()).register(router);
    new TokenApi(services, login, bus).register(router);
    router.get("/api/events").handler(new EventsFeed(services.vertx()));
  }

  /** The device login for the browser, created once per gateway. */
  public static WebDeviceLogin deviceLogin(GatewayServices services) {
    return new WebDeviceLogin(services.vertx(), WebClient.create(services.vertx()),
        new GithubUrls(services.config().githubApiBaseUrl()), services.config().oauthClientId(), services.github(),
        () -> services.catalog().refresh());
  }
}
