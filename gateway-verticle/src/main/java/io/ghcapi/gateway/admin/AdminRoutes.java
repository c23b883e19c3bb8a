package io.ghcapi.gateway.admin;

import io.ghcapi.bus.Addresses;
import io.ghcapi.gateway.GatewayServices;
import io.ghcapi.gateway.auth.GithubUrls;
import io.ghcapi.gateway.auth.WebDeviceLogin;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import java.util.List;

/** Puts the admin API ({@code /api/*}) on a router, behind {@link AdminAccess}. */
public final class AdminRoutes {

  private AdminRoutes() {
  }

  /**
   * @param login the one device login of this gateway, shared by its instances
   */
  public static void register(Router router, GatewayServices services, WebDeviceLogin login) {
    router.route("/api/*").handler(new AdminAccess(services::config));
    new AdminSession(services::config).register(router);
    BusCalls bus = new BusCalls(services.vertx().eventBus());
    new HistoryApi(services, bus).register(router);
    new RuntimeConfigApi(services.runtime(), services.vertx().eventBus(), services.jsonBodies()).register(router);
    new TokenApi(services, login, bus).register(router);
    router.get("/api/events").handler(new EventsFeed(services.vertx()));
    new PluginsApi(services).register(router);
    registerExtensions(router, services);
  }

  /** Routes that other verticles own, relayed over the bus (see {@link io.ghcapi.bus.AdminCall}). */
  private static void registerExtensions(Router router, GatewayServices services) {
    // Starting an agent may take its start, sign-in and session/load timeouts in a row.
    ExtensionRelay agents = new ExtensionRelay(services.vertx(), Addresses.ACP_API, "agents service",
        services.jsonBodies(), 150_000);
    router.route("/api/agent/*").handler(agents);
    router.route("/api/agent").handler(agents);
    ExtensionRelay sync = new ExtensionRelay(services.vertx(), Addresses.SYNC_API, "sync and tools service",
        services.jsonBodies(), 15 * 60_000);
    for (String prefix : List.of("/api/config-manager/sync", "/api/config-manager/software-versions",
        "/api/config-manager/install-tools", "/api/config-manager/machine-usage")) {
      router.route(prefix).handler(sync);
      router.route(prefix + "/*").handler(sync);
    }
  }

  /** The device login for the browser, created once per gateway. */
  public static WebDeviceLogin deviceLogin(GatewayServices services) {
    return new WebDeviceLogin(services.vertx(), WebClient.create(services.vertx()),
        new GithubUrls(services.config().githubApiBaseUrl()), services.config().oauthClientId(), services.github(),
        () -> services.catalog().refresh());
  }
}
