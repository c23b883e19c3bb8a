package io.ghcapi.app;

import io.ghcapi.gateway.auth.GithubCredentials;
import io.ghcapi.gateway.config.GatewayConfig;
import io.ghcapi.gateway.models.CopilotModel;
import io.ghcapi.gateway.models.ModelCatalog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What the server prints when it is ready: where to point clients, the models, the mappings. */
final class StartupBanner {

  private StartupBanner() {
  }

  static void demoWarning(PrintStream out, String simulatorUrl) {
    out.println("""
        ======================================================================
          DEMO MODE: answers come from the built-in Copilot simulator at
          %s, not from GitHub Copilot. No account is used and
          nothing you send leaves this machine.
        ======================================================================""".formatted(simulatorUrl));
  }

  static void print(PrintStream out, GatewayConfig config, int port, Path configFile, GithubCredentials github,
      ModelCatalog.Snapshot models, String modelsProblem, long readyMillis) {
    String host = config.address().contains(":") ? "[" + config.address() + "]" : config.address();
    String base = "http://" + host + ":" + port;
    out.println("ghc-api " + Version.current() + " ready in " + readyMillis + " ms");
    out.println("  OpenAI base URL:    " + base + "/v1");
    out.println("  Anthropic base URL: " + base);
    out.println("  Health:             " + base + "/health");
    out.println("  Config file:        " + configFile);
    out.println("  GitHub token:       " + github.source().name().toLowerCase().replace('_', ' '));
    out.println("  Client API keys:    " + (config.apiKeys().isEmpty() ? "none (loopback only)" : config.apiKeys().size()));
    out.println();
    if (modelsProblem != null) {
      out.println("Models: not loaded yet (" + modelsProblem + ")");
    } else {
      printModels(out, models);
    }
    out.println();
    printMappings(out, config);
  }

  private static void printModels(PrintStream out, ModelCatalog.Snapshot models) {
    out.println("Models (" + models.models().size() + "):");
    out.printf("  %-28s %8s %8s %8s  %-12s %s%n", "id", "context", "prompt", "output", "vendor", "features");
    for (CopilotModel model : models.models()) {
      StringBuilder features = new StringBuilder();
      if (model.supports("vision")) {
        features.append("vision ");
      }
      if (model.supports("tool_calls")) {
        features.append("tools ");
      }
      if (model.supportsEndpoint("/v1/messages")) {
        features.append("anthropic ");
      }
      if (model.supportsEndpoint("/responses") || model.supportsEndpoint("/v1/responses")) {
        features.append("responses ");
      }
      if (model.isEmbedding()) {
        features.append("embeddings ");
      }
      if (model.preview()) {
        features.append("preview");
      }
      out.printf("  %-28s %8s %8s %8s  %-12s %s%n", model.id(), thousands(model.contextWindow()),
          thousands(model.maxPromptTokens()), thousands(model.maxOutputTokens()), model.vendor(),
          features.toString().trim());
    }
  }

  private static void printMappings(PrintStream out, GatewayConfig config) {
    out.println("Model mappings (exact, then dated names normalised, then longest prefix):");
    for (Map.Entry<String, String> rule : config.modelMappings().exact().entrySet()) {
      out.println("  " + rule.getKey() + " -> " + rule.getValue());
    }
    for (Map.Entry<String, String> rule : config.modelMappings().prefix().entrySet()) {
      out.println("  " + rule.getKey() + "* -> " + rule.getValue());
    }
  }

  private static String thousands(Long tokens) {
    if (tokens == null) {
      return "-";
    }
    return tokens >= 1000 ? (tokens / 1000) + "K" : String.valueOf(tokens);
  }
}
