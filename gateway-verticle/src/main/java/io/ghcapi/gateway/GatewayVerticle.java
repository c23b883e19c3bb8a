package io.ghcapi.gateway;

import io.ghcapi.gateway.http.ApiError;
import io.ghcapi.gateway.http.ClientAuth;
import io.ghcapi.gateway.openai.ChatCompletionsHandler;
import io.ghcapi.gateway.openai.EmbeddingsHandler;
import io.ghcapi.gateway.openai.ModelsHandler;
import io.ghcapi.gateway.exchange.ClientEndpoint;
import io.ghcapi.gateway.http.ErrorShape;
import io.ghcapi.gateway.admin.AdminRoutes;
import io.ghcapi.gateway.admin.WebPages;
import io.ghcapi.gateway.anthropic.CountTokensHandler;
import io.ghcapi.gateway.auth.WebDeviceLogin;
import io.ghcapi.gateway.anthropic.MessagesHandler;
import io.ghcapi.gateway.responses.ResponsesHandler;
import io.ghcapi.gateway.translate.TranslatedExchange;
import io.ghcapi.gateway.upstream.UpstreamClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The HTTP face of the gateway: wires routes to handlers. Deployed once per event loop it should use. */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = Logger.getLogger(GatewayVerticle.class.getName());

  private final GatewayServices services;
  private final WebDeviceLogin deviceLogin;
  private HttpServer server;
  private UpstreamClient upstream;

  public GatewayVerticle(GatewayServices services, WebDeviceLogin deviceLogin) {
    this.services = services;
    this.deviceLogin = deviceLogin;
  }

  @Override
  public Future<?> start() {
    upstream = services.newUpstreamClient();
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(services.config().address())
        .setPort(services.config().port())
        .setTcpNoDelay(true)
        .setCompressionSupported(false));
    return server.requestHandler(router()).listen();
  }

  @Override
  public Future<?> stop() {
    return upstream.close();
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  private Router router() {
    Router router = Router.router(vertx);
    ClientAuth auth = new ClientAuth(services.config().apiKeys());
    for (String path : new String[] {"/v1/*", "/chat/*", "/models", "/models/*", "/embeddings", "/responses"}) {
      router.route(path).handler(auth);
    }
    ClientEndpoint openAi = new ClientEndpoint(services, ErrorShape.OPENAI);
    TranslatedExchange translated = new TranslatedExchange(services, upstream);
    ChatCompletionsHandler chat = new ChatCompletionsHandler(services, upstream, openAi, translated);
    EmbeddingsHandler embeddings = new EmbeddingsHandler(services, upstream, openAi);
    ModelsHandler models = new ModelsHandler(services);

    router.get("/v1/models").handler(models::list);
    router.get("/models").handler(models::list);
    router.get("/v1/models/full").handler(models::full);
    router.get("/models/full").handler(models::full);
    router.get("/v1/models/:id").handler(models::retrieve);
    router.get("/models/:id").handler(models::retrieve);
    router.post("/v1/chat/completions").handler(chat);
    router.post("/chat/completions").handler(chat);
    router.post("/v1/embeddings").handler(embeddings);
    router.post("/embeddings").handler(embeddings);

    ClientEndpoint anthropic = new ClientEndpoint(services, ErrorShape.ANTHROPIC);
    MessagesHandler messages = new MessagesHandler(services, upstream, anthropic, translated);
    router.post("/v1/messages").handler(messages);
    router.post("/v1/messages/count_tokens").handler(new CountTokensHandler(services, anthropic, services.tokenCounter()));
    ResponsesHandler responses = new ResponsesHandler(services, upstream, new ClientEndpoint(services, ErrorShape.RESPONSES),
        translated);
    router.post("/v1/responses").handler(responses);
    router.post("/responses").handler(responses);
    // Claude Code checks that its base URL answers before it starts.
    router.head("/").handler(ctx -> ctx.response().end());
    router.head("/v1/messages").handler(ctx -> ctx.response().end());
    router.get("/health").handler(ctx -> ctx.json(new JsonObject().put("status", "ok")));
    AdminRoutes.register(router, services, deviceLogin);
    WebPages.register(router);

    router.errorHandler(404, ctx -> ErrorShape.forPath(ctx.request().path()).send(ctx.response(), ApiError.of(404, "not_found",
        "Unknown route: " + ctx.request().method() + " " + ctx.request().path())));
    router.errorHandler(405, ctx -> ErrorShape.forPath(ctx.request().path()).send(ctx.response(), ApiError.of(405, "method_not_allowed",
        "Method " + ctx.request().method() + " is not allowed on " + ctx.request().path())));
    router.errorHandler(500, this::internalError);
    return router;
  }

  private void internalError(RoutingContext ctx) {
    LOG.log(Level.SEVERE, "Unhandled failure on " + ctx.request().path(), ctx.failure());
    ErrorShape.forPath(ctx.request().path()).send(ctx.response(), ApiError.of(500, "internal_error",
        "The gateway failed to handle this request; see its log for details."));
  }
}
