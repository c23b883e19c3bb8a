package io.ghcapi.simulator.models;

import io.ghcapi.simulator.models.ModelSpec.Limits;
import io.ghcapi.simulator.models.ModelSpec.Supports;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models the simulator offers, with the {@code GET /models} body rendered once. */
public final class ModelCatalog {

  private static final List<String> CLAUDE_ENDPOINTS = List.of(ModelSpec.CHAT_COMPLETIONS, ModelSpec.MESSAGES);
  private static final List<String> CHAT_ONLY = List.of(ModelSpec.CHAT_COMPLETIONS);
  private static final List<String> CHAT_AND_RESPONSES = List.of(ModelSpec.CHAT_COMPLETIONS, ModelSpec.RESPONSES);
  private static final List<String> RESPONSES_ONLY = List.of(ModelSpec.RESPONSES);
  private static final List<String> EFFORTS = List.of("low", "medium", "high");
  private static final Supports CLAUDE = new Supports(true, true, true, true, false, List.of());
  private static final Supports GPT_CHAT = new Supports(true, true, true, true, true, List.of());
  private static final Supports GPT_REASONING = new Supports(true, true, true, true, true, EFFORTS);

  private final Map<String, ModelSpec> byId = new LinkedHashMap<>();
  private final Buffer listBody;

  public ModelCatalog(List<ModelSpec> models) {
    JsonArray data = new JsonArray();
    for (ModelSpec model : models) {
      byId.put(model.id(), model);
      data.add(model.toJson());
    }
    listBody = new JsonObject().put("object", "list").put("data", data).toBuffer();
  }

  /** The models a Copilot account typically sees. */
  public static ModelCatalog standard() {
    return new ModelCatalog(List.of(
        claude("claude-opus-4.8", "Claude Opus 4.8", "claude-opus-4.8", "powerful", 3),
        claude("claude-opus-4.7", "Claude Opus 4.7", "claude-opus-4.7", "powerful", 3),
        claude("claude-sonnet-5", "Claude Sonnet 5", "claude-sonnet-5", "versatile", 1),
        claude("claude-sonnet-4.5", "Claude Sonnet 4.5", "claude-sonnet-4.5", "versatile", 1),
        claude("claude-opus-4.5", "Claude Opus 4.5", "claude-opus-4.5", "powerful", 3),
        claude("claude-haiku-4.5", "Claude Haiku 4.5", "claude-haiku-4.5", "versatile", 0.33),
        claude("claude-sonnet-4", "Claude Sonnet 4", "claude-sonnet-4", "versatile", 1),
        new ModelSpec("gpt-4.1", "GPT-4.1", "Azure OpenAI", "gpt-4.1-2025-04-14", "chat", "o200k_base", CHAT_ONLY,
            Limits.chat(128_000, 128_000, 16_384), GPT_CHAT, "versatile", 0),
        new ModelSpec("gpt-4o", "GPT-4o", "Azure OpenAI", "gpt-4o-2024-11-20", "chat", "o200k_base", CHAT_ONLY,
            Limits.chat(128_000, 64_000, 4_096), GPT_CHAT, "versatile", 0),
        new ModelSpec("gpt-5", "GPT-5", "Azure OpenAI", "gpt-5", "chat", "o200k_base", CHAT_AND_RESPONSES,
            Limits.chat(400_000, 128_000, 128_000), GPT_REASONING, "powerful", 1),
        new ModelSpec("gpt-5-mini", "GPT-5 mini", "Azure OpenAI", "gpt-5-mini", "chat", "o200k_base", CHAT_AND_RESPONSES,
            Limits.chat(264_000, 128_000, 64_000), GPT_REASONING, "lightweight", 0),
        new ModelSpec("gpt-5-codex", "GPT-5-Codex", "OpenAI", "gpt-5-codex", "chat", "o200k_base", RESPONSES_ONLY,
            Limits.chat(400_000, 128_000, 128_000), GPT_REASONING, "powerful", 1),
        new ModelSpec("gpt-5.1-codex", "GPT-5.1-Codex", "OpenAI", "gpt-5.1-codex", "chat", "o200k_base", RESPONSES_ONLY,
            Limits.chat(400_000, 128_000, 128_000), GPT_REASONING, "powerful", 1),
        new ModelSpec("gemini-2.5-pro", "Gemini 2.5 Pro", "Google", "gemini-2.5-pro", "chat", "o200k_base", CHAT_ONLY,
            Limits.chat(128_000, 128_000, 64_000), new Supports(true, true, true, true, false, List.of()), "powerful", 1),
        new ModelSpec("text-embedding-3-small", "Embedding V3 small", "Azure OpenAI", "text-embedding-3-small",
            "embeddings", "cl100k_base", List.of(ModelSpec.EMBEDDINGS), Limits.embeddings(512), Supports.embeddings(),
            null, 0)));
  }

  private static ModelSpec claude(String id, String name, String version, String category, double multiplier) {
    return new ModelSpec(id, name, "Anthropic", version, "chat", "o200k_base", CLAUDE_ENDPOINTS,
        Limits.chat(200_000, 128_000, 64_000), CLAUDE, category, multiplier);
  }

  public Optional<ModelSpec> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The {@code GET /models} body; callers must not modify it. */
  public Buffer listBody() {
    return listBody;
  }
}
