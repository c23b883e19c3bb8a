package io.ghcapi.app;

import io.ghcapi.gateway.auth.DeviceCode;
import io.ghcapi.gateway.auth.DeviceFlowClient;
import io.ghcapi.gateway.auth.GithubUrls;
import io.ghcapi.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.PrintStream;
import java.util.function.Consumer;

/** GitHub's device login on the console: prints the link and code, waits for approval, returns the token. */
final class ConsoleDeviceLogin {

  private ConsoleDeviceLogin() {
  }

  /**
   * @param onCode told the code once GitHub issued it (to show it elsewhere too, say)
   */
  static Future<String> run(Vertx vertx, GatewayConfig config, PrintStream out, Consumer<DeviceCode> onCode) {
    WebClient web = WebClient.create(vertx);
    DeviceFlowClient flow;
    try {
      flow = new DeviceFlowClient(vertx, web, new GithubUrls(config.githubApiBaseUrl()), config.oauthClientId());
    } catch (IllegalArgumentException e) {
      web.close();
      return Future.failedFuture(e);
    }
    return flow.start()
        .compose(code -> {
          out.println();
          out.println("To sign in to GitHub, open " + code.verificationUri() + " and enter the code " + code.userCode());
          out.println("Waiting for you to approve (the code expires in " + code.expiresInSeconds() / 60 + " minutes)...");
          onCode.accept(code);
          return flow.awaitToken(code);
        })
        .eventually(() -> {
          web.close();
          return Future.succeededFuture();
        });
  }
}
