package io.ghcapi.gateway.upstream;

import io.ghcapi.gateway.config.GatewayConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.UUID;

/**
 * The identity headers Copilot expects on every call (seed §1.5), built once; per call only the token,
 * the request id and the per-request headers change. Client headers are never forwarded upstream.
 */
public final class CopilotHeaders {

  public static final CharSequence X_INITIATOR = HttpHeaders.createOptimized("X-Initiator");
  public static final CharSequence VISION = HttpHeaders.createOptimized("Copilot-Vision-Request");
  public static final CharSequence REQUEST_ID = HttpHeaders.createOptimized("X-Request-Id");

  private volatile MultiMap copilotStatic;
  private volatile MultiMap githubStatic;

  public CopilotHeaders(GatewayConfig config) {
    reconfigure(config);
  }

  /** Rebuilds the identity headers after the editor versions changed at runtime. */
  public void reconfigure(GatewayConfig config) {
    String editorVersion = "vscode/" + config.vscodeVersion();
    String pluginVersion = "copilot-chat/" + config.copilotVersion();
    String userAgent = "GitHubCopilotChat/" + config.copilotVersion();
    MultiMap copilot = HttpHeaders.headers()
        .add(HttpHeaders.CONTENT_TYPE, "application/json")
        .add(HttpHeaders.createOptimized("Copilot-Integration-Id"), "vscode-chat")
        .add(HttpHeaders.createOptimized("Editor-Version"), editorVersion)
        .add(HttpHeaders.createOptimized("Editor-Plugin-Version"), pluginVersion)
        .add(HttpHeaders.USER_AGENT, userAgent)
        .add(HttpHeaders.createOptimized("OpenAI-Intent"), "conversation-panel")
        .add(HttpHeaders.createOptimized("X-GitHub-Api-Version"), config.apiVersion())
        .add(HttpHeaders.createOptimized("X-VSCode-User-Agent-Library-Version"), "electron-fetch");
    MultiMap github = HttpHeaders.headers()
        .add(HttpHeaders.CONTENT_TYPE, "application/json")
        .add(HttpHeaders.ACCEPT, "application/json")
        .add(HttpHeaders.createOptimized("Editor-Version"), editorVersion)
        .add(HttpHeaders.createOptimized("Editor-Plugin-Version"), pluginVersion)
        .add(HttpHeaders.USER_AGENT, userAgent)
        .add(HttpHeaders.createOptimized("X-GitHub-Api-Version"), config.apiVersion())
        .add(HttpHeaders.createOptimized("X-VSCode-User-Agent-Library-Version"), "electron-fetch");
    copilotStatic = copilot;
    githubStatic = github;
  }

  /** Headers for one Copilot API attempt: a fresh request id each time, so retries are told apart. */
  public MultiMap forCopilot(String copilotToken) {
    return HttpHeaders.headers().addAll(copilotStatic)
        .add(HttpHeaders.AUTHORIZATION, "Bearer " + copilotToken)
        .add(REQUEST_ID, UUID.randomUUID().toString());
  }

  /** Headers for the GitHub token exchange ({@code Authorization: token ...}, not Bearer). */
  public MultiMap forGithub(String githubToken) {
    return HttpHeaders.headers().addAll(githubStatic).add(HttpHeaders.AUTHORIZATION, "token " + githubToken);
  }
}
