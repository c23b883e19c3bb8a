package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.TranslationException;
import io.ghcapi.translator.ToolNames;
import io.ghcapi.translator.TranslatedRequest;
import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * An Anthropic Messages request as an OpenAI Chat Completions request for Copilot. Fields of the wrong type
 * fail with a {@link TranslationException}; what Chat cannot express is dropped and named in the warnings.
 * The client's request is never modified.
 */
public final class AnthropicToChat {

  private AnthropicToChat() {
  }

  public static TranslatedRequest request(JsonObject anthropicRequest, ChatTarget target) {
    if (anthropicRequest == null) {
      throw new TranslationException("Anthropic request body must be a JSON object", null);
    }
    ToolNames names = new ToolNames();
    Warnings warnings = new Warnings();
    JsonObject body = new JsonObject().put("model", target.model());

    JsonArray messages = Fields.array(anthropicRequest, "messages", "messages");
    if (messages == null) {
      throw Fields.missing("messages");
    }
    MessageTranslator messageTranslator = new MessageTranslator(target, names, warnings);
    body.put("messages", messageTranslator.translate(anthropicRequest.getValue("system"), messages));

    Long maxTokens = Fields.integer(anthropicRequest, "max_tokens", "max_tokens");
    if (maxTokens != null) {
      if (maxTokens < 0) {
        throw Fields.invalid("max_tokens", "Input should be greater than or equal to 0");
      }
      body.put("max_tokens", maxTokens);
    }
    if (Boolean.TRUE.equals(Fields.bool(anthropicRequest, "stream", "stream"))) {
      body.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
    }
    copyNumber(anthropicRequest, "temperature", body);
    copyNumber(anthropicRequest, "top_p", body);
    if (Fields.number(anthropicRequest, "top_k", "top_k") != null) {
      warnings.add("top_k.dropped");
    }
    stopSequences(anthropicRequest, body);
    user(anthropicRequest, body);

    new ToolTranslator(names, warnings).translate(
        Fields.array(anthropicRequest, "tools", "tools"),
        Fields.object(anthropicRequest, "tool_choice", "tool_choice"),
        body);

    JsonObject outputConfig = Fields.object(anthropicRequest, "output_config", "output_config");
    reasoning(anthropicRequest, outputConfig, target, body, warnings);
    responseFormat(anthropicRequest, outputConfig, body, warnings);
    unsupportedFeatures(anthropicRequest, warnings);
    return new TranslatedRequest(body, names, warnings);
  }

  private static void copyNumber(JsonObject request, String key, JsonObject body) {
    Number value = Fields.number(request, key, key);
    if (value != null) {
      body.put(key, value);
    }
  }

  private static void stopSequences(JsonObject request, JsonObject body) {
    JsonArray sequences = Fields.array(request, "stop_sequences", "stop_sequences");
    if (sequences == null || sequences.isEmpty()) {
      return;
    }
    for (int i = 0; i < sequences.size(); i++) {
      if (!(sequences.getValue(i) instanceof String)) {
        throw Fields.invalid("stop_sequences." + i, "Input should be a valid string");
      }
    }
    body.put("stop", sequences.copy());
  }

  private static void user(JsonObject request, JsonObject body) {
    JsonObject metadata = Fields.object(request, "metadata", "metadata");
    String userId = metadata == null ? null : Fields.string(metadata, "user_id", "metadata.user_id");
    if (userId != null) {
      body.put("user", userId);
    }
  }

  /**
   * Claude models on Copilot's chat endpoint take Anthropic's {@code thinking} as is. Other models take a
   * {@code reasoning_effort}: the client's {@code output_config.effort} if given, else one derived from the
   * thinking budget ({@code medium} for adaptive thinking), fitted to the efforts the model supports.
   */
  private static void reasoning(JsonObject request, JsonObject outputConfig, ChatTarget target, JsonObject body,
      Warnings warnings) {
    JsonObject thinking = Fields.object(request, "thinking", "thinking");
    String thinkingType = thinking == null ? null : Fields.type(thinking, "thinking");
    Long budget = thinking == null ? null : Fields.integer(thinking, "budget_tokens", "thinking.budget_tokens");
    String effort = outputConfig == null ? null : Fields.string(outputConfig, "effort", "output_config.effort");
    if (effort != null && !ReasoningEffort.ANTHROPIC_VALUES.contains(effort)) {
      throw Fields.invalid("output_config.effort", "Input should be 'low', 'medium', 'high', 'xhigh' or 'max'");
    }
    if (target.claudeFamily()) {
      if (thinking != null) {
        body.put("thinking", thinking.copy());
      }
      if (effort != null) {
        warnings.add("output_config.effort_dropped");
      }
      return;
    }
    String wanted = effort;
    if (wanted == null && "enabled".equals(thinkingType)) {
      wanted = ReasoningEffort.fromBudget(budget == null ? 0 : budget);
    } else if (wanted == null && "adaptive".equals(thinkingType)) {
      wanted = "medium";
    }
    if (wanted == null) {
      return;
    }
    Optional<String> fitted = ReasoningEffort.fit(wanted, target.reasoningEfforts());
    if (fitted.isEmpty()) {
      warnings.add("reasoning_effort.dropped");
      return;
    }
    if (!fitted.get().equals(wanted)) {
      warnings.add("reasoning_effort.adjusted");
    }
    body.put("reasoning_effort", fitted.get());
  }

  /** {@code output_config.format}, or the older top-level {@code output_format}, as a strict JSON schema format. */
  private static void responseFormat(JsonObject request, JsonObject outputConfig, JsonObject body, Warnings warnings) {
    JsonObject format = outputConfig == null ? null : Fields.object(outputConfig, "format", "output_config.format");
    String path = "output_config.format";
    if (format == null) {
      format = Fields.object(request, "output_format", "output_format");
      path = "output_format";
    }
    if (format == null) {
      return;
    }
    String type = Fields.type(format, path);
    if ("text".equals(type)) {
      return;
    }
    JsonObject schema = Fields.object(format, "schema", path + ".schema");
    if (!"json_schema".equals(type) || schema == null) {
      warnings.add("output_config.format_dropped");
      return;
    }
    JsonObject jsonSchema = new JsonObject()
        .put("name", "structured_output")
        .put("schema", StrictJsonSchema.of(schema))
        .put("strict", true);
    body.put("response_format", new JsonObject().put("type", "json_schema").put("json_schema", jsonSchema));
  }

  /** Request features that change what the model can do and that Chat Completions has no way to ask for. */
  private static void unsupportedFeatures(JsonObject request, Warnings warnings) {
    if (request.getValue("mcp_servers") != null) {
      warnings.add("mcp_servers.dropped");
    }
    if (request.getValue("container") != null) {
      warnings.add("container.dropped");
    }
    if (request.getValue("context_management") != null) {
      warnings.add("context_management.dropped");
    }
  }
}
