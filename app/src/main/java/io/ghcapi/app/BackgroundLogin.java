package io.ghcapi.app;

import io.ghcapi.gateway.Gateway;
import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.auth.GithubTokenStore;
import io.ghcapi.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.io.PrintStream;

/**
 * With no GitHub token and a person at the console, runs the device login while the server already serves
 * (its dashboard works; model calls answer 401 with the code to enter). A headless server never waits.
 */
final class BackgroundLogin {

  private final Vertx vertx;
  private final GatewayConfig config;
  private final GithubCredentials credentials;
  private final GithubTokenStore store;
  private final Gateway gateway;
  private final PrintStream out;
  private final PrintStream err;

  BackgroundLogin(Vertx vertx, GatewayConfig config, GithubCredentials credentials, GithubTokenStore store,
      Gateway gateway, PrintStream out, PrintStream err) {
    this.vertx = vertx;
    this.config = config;
    this.credentials = credentials;
    this.store = store;
    this.gateway = gateway;
    this.out = out;
    this.err = err;
  }

  void startIfInteractive() {
    if (System.console() == null) {
      err.println("No GitHub token. Model requests answer 401 until you sign in: run `ghc-api --github-device-login`,"
          + " or set GITHUB_TOKEN, then restart.");
      return;
    }
    ConsoleDeviceLogin.run(vertx, config, out, code -> credentials.loginHint("A GitHub sign-in is in progress: open "
            + code.verificationUri() + " and enter the code " + code.userCode() + ", then retry."))
        .compose(token -> vertx.executeBlocking(() -> {
          store.save(token);
          return token;
        }))
        .onSuccess(token -> {
          credentials.replace(token, GithubCredentials.Source.DEVICE_FLOW);
          out.println("Signed in to GitHub; token saved in " + store.file() + ".");
          gateway.warmUp().onFailure(e -> err.println("Could not load Copilot models: " + e.getMessage()));
        })
        .onFailure(e -> {
          credentials.loginHint(null);
          err.println("GitHub sign-in did not complete: " + e.getMessage()
              + ". Run `ghc-api --github-device-login` to try again.");
        });
  }
}
