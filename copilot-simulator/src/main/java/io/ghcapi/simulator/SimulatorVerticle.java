package io.ghcapi.simulator;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/** Runs the simulator's single HTTP server. */
final class SimulatorVerticle extends VerticleBase {

  private final SimulatorOptions options;
  private final SimulatorRouter.Parts parts;
  private HttpServer server;

  SimulatorVerticle(SimulatorOptions options, SimulatorRouter.Parts parts) {
    this.options = options;
    this.parts = parts;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions()
        .setHost(options.host())
        .setPort(options.port())
        .setTcpNoDelay(true));
    return server.requestHandler(new SimulatorRouter(vertx, options, parts).build()).listen();
  }

  int actualPort() {
    return server.actualPort();
  }
}
