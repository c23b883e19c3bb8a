package io.ghcapi.gateway.admin;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.Map;

/**
 * The dashboard's pages and assets, served from {@code webroot/} on the classpath (the {@code webui} module
 * puts them there; without it, these routes answer 404). Pages have no data of their own: everything
 * they show comes from {@code /api/*}, which is guarded.
 */
public final class WebPages {

  /** Page paths and the file each serves. */
  public static final Map<String, String> PAGES = Map.of(
      "/", "index.html",
      "/requests", "requests.html",
      "/code-agent-manager", "tokens.html",
      "/settings", "settings.html",
      "/agent", "agents.html",
      "/agents", "agents.html",
      "/code-agent-manager/config", "sync.html");

  private WebPages() {
  }

  public static void register(Router router) {
    // A wildcard route hands the static handler the path below its prefix: /assets/app.css -> webroot/assets/app.css.
    StaticHandler assets = StaticHandler.create("webroot/assets").setCachingEnabled(true).setMaxAgeSeconds(300)
        .setDirectoryListing(false).setIncludeHidden(false);
    router.get("/assets/*").handler(assets);
    router.get("/favicon.svg").handler(ctx -> ctx.response().putHeader("Content-Type", "image/svg+xml")
        .putHeader("Cache-Control", "max-age=86400").sendFile("webroot/favicon.svg")
        .onFailure(missing -> {
          if (!ctx.response().headWritten()) {
            ctx.response().setStatusCode(404).end();
          }
        }));
    PAGES.forEach((path, file) -> router.get(path).handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-cache")
          .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
              + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
          .putHeader("X-Content-Type-Options", "nosniff");
      ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").sendFile("webroot/" + file)
          .onFailure(missing -> {
            if (!ctx.response().headWritten()) {
              ctx.response().setStatusCode(404).putHeader("Content-Type", "text/plain").end(
                  "The dashboard is not part of this build (module webui).");
            }
          });
    }));
  }
}
