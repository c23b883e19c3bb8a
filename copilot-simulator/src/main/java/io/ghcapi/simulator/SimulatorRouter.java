package io.ghcapi.simulator;

import io.ghcapi.simulator.chat.ChatCompletionsHandler;
import io.ghcapi.simulator.content.IdSequence;
import io.ghcapi.simulator.control.ControlHandlers;
import io.ghcapi.simulator.embeddings.EmbeddingsHandler;
import io.ghcapi.simulator.faults.FaultQueue;
import io.ghcapi.simulator.github.AccessTokenHandler;
import io.ghcapi.simulator.github.DeviceAuthorizations;
import io.ghcapi.simulator.github.DeviceCodeHandler;
import io.ghcapi.simulator.github.IssuedTokens;
import io.ghcapi.simulator.github.TokenExchangeHandler;
import io.ghcapi.simulator.http.ApiError;
import io.ghcapi.simulator.http.CopilotAuthGate;
import io.ghcapi.simulator.http.ErrorDialect;
import io.ghcapi.simulator.http.Exchange;
import io.ghcapi.simulator.http.FaultGate;
import io.ghcapi.simulator.http.Replies;
import io.ghcapi.simulator.http.RequestCounter;
import io.ghcapi.simulator.http.RequestRecorder;
import io.ghcapi.simulator.http.SseStreamer;
import io.ghcapi.simulator.messages.MessagesHandler;
import io.ghcapi.simulator.models.ModelCatalog;
import io.ghcapi.simulator.models.ModelsHandler;
import io.ghcapi.simulator.recording.Counters;
import io.ghcapi.simulator.recording.RequestLog;
import io.ghcapi.simulator.responses.ResponsesHandler;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** Wires every route of the simulator: GitHub side, Copilot data plane, and control endpoints. */
final class SimulatorRouter {

  static final String CONTROL_PREFIX = "/_sim/";

  /** Room for large agent prompts with images; anything bigger is refused with 413. */
  private static final long BODY_LIMIT_BYTES = 32L << 20;

  private final Vertx vertx;
  private final SimulatorOptions options;
  private final Parts parts;

  /** The state the routes share with the public API. */
  record Parts(FaultQueue faultQueue, RequestLog requestLog, Counters counters, IssuedTokens tokens,
      Faults faults, RecordedRequests received, SimulatorStats stats) {
  }

  SimulatorRouter(Vertx vertx, SimulatorOptions options, Parts parts) {
    this.vertx = vertx;
    this.options = options;
    this.parts = parts;
  }

  Router build() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES));
    if (options.recordRequests()) {
      router.route().handler(new RequestRecorder(parts.requestLog(), CONTROL_PREFIX));
    }
    new ControlHandlers(parts.faults(), parts.received(), parts.stats(), parts.tokens()).mount(router, CONTROL_PREFIX);
    mountGitHub(router);
    mountCopilot(router);
    router.errorHandler(404, ctx -> Replies.error(ctx, ApiError.notFound(ctx.request().path()), ErrorDialect.OPENAI));
    router.errorHandler(405, ctx ->
        Replies.error(ctx, ApiError.methodNotAllowed(ctx.request().method().name(), ctx.request().path()), ErrorDialect.OPENAI));
    router.errorHandler(413, ctx -> Replies.error(ctx, new ApiError(413, "invalid_request_error", "request_too_large",
        "Request body exceeds " + BODY_LIMIT_BYTES + " bytes", null, 0), Exchange.dialect(ctx)));
    router.errorHandler(500, ctx -> Replies.error(ctx, ApiError.internalError(), Exchange.dialect(ctx)));
    return router;
  }

  private void mountGitHub(Router router) {
    FaultGate gate = new FaultGate(vertx, parts.faultQueue(), ErrorDialect.GITHUB, false, 0);
    DeviceAuthorizations authorizations = new DeviceAuthorizations(options.devicePendingPolls());
    router.get(FaultQueue.TOKEN_PATH).handler(gate)
        .handler(new TokenExchangeHandler(parts.tokens(), parts.counters()));
    router.post("/login/device/code").handler(gate)
        .handler(new DeviceCodeHandler(authorizations, options.deviceIntervalSeconds()));
    router.post("/login/oauth/access_token").handler(gate)
        .handler(new AccessTokenHandler(authorizations));
  }

  private void mountCopilot(Router router) {
    ModelCatalog catalog = ModelCatalog.standard();
    IdSequence ids = new IdSequence();
    SseStreamer streamer = new SseStreamer(vertx, parts.counters(), options.chunkDelayMs());
    int chunks = options.chunkCount();
    ResponsesHandler responses = new ResponsesHandler(catalog, ids, streamer, chunks);
    dataPlane(router, HttpMethod.GET, "/models", ErrorDialect.OPENAI, new ModelsHandler(catalog));
    dataPlane(router, HttpMethod.POST, "/chat/completions", ErrorDialect.OPENAI,
        new ChatCompletionsHandler(catalog, ids, streamer, chunks));
    dataPlane(router, HttpMethod.POST, "/responses", ErrorDialect.OPENAI, responses);
    dataPlane(router, HttpMethod.POST, "/v1/responses", ErrorDialect.OPENAI, responses);
    dataPlane(router, HttpMethod.POST, "/v1/messages", ErrorDialect.ANTHROPIC,
        new MessagesHandler(catalog, ids, streamer, chunks));
    dataPlane(router, HttpMethod.POST, "/embeddings", ErrorDialect.OPENAI,
        new EmbeddingsHandler(catalog, options.embeddingDimensions()));
  }

  private void dataPlane(Router router, HttpMethod method, String path, ErrorDialect dialect,
      Handler<RoutingContext> endpoint) {
    router.route(method, path)
        .handler(new RequestCounter(parts.counters(), path))
        .handler(new FaultGate(vertx, parts.faultQueue(), dialect, true, options.firstByteDelayMs()))
        .handler(new CopilotAuthGate(parts.tokens()))
        .handler(endpoint);
  }
}
