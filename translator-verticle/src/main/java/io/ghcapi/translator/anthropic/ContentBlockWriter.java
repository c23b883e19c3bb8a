package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.SseBuffer;
import io.vertx.core.json.JsonObject;

/**
 * Writes Anthropic content blocks as SSE events, one open at a time, numbered from 0, and records them in
 * the {@link StreamedMessage}. Text and thinking continue the open block of their kind; anything else
 * closes it first. A thinking block's signature is sent just before the block stops, as Anthropic does.
 */
final class ContentBlockWriter {

  private enum Kind { TEXT, THINKING, TOOL_USE }

  private final SseBuffer out;
  private final StreamedMessage message;
  private int nextIndex;
  private Kind openKind;
  private final StringBuilder openSignature = new StringBuilder();
  private boolean openToolHasArguments;
  private boolean anyToolUse;

  ContentBlockWriter(SseBuffer out, StreamedMessage message) {
    this.out = out;
    this.message = message;
  }

  void thinking(String thinking) {
    open(Kind.THINKING);
    delta(new JsonObject().put("type", "thinking_delta").put("thinking", thinking));
    message.append(openIndex(), thinking);
  }

  /** A signature (or a piece of one) for the open thinking block; one is opened if none is. */
  void signature(String signature) {
    open(Kind.THINKING);
    openSignature.append(signature);
  }

  void text(String text) {
    open(Kind.TEXT);
    delta(new JsonObject().put("type", "text_delta").put("text", text));
    message.append(openIndex(), text);
  }

  /** Starts a tool_use block and returns its index. */
  int startToolUse(String id, String name) {
    close();
    JsonObject block = new JsonObject()
        .put("type", "tool_use").put("id", id).put("name", name).put("input", new JsonObject());
    start(Kind.TOOL_USE, block);
    message.startToolUse(id, name);
    openToolHasArguments = false;
    anyToolUse = true;
    return openIndex();
  }

  /** A fragment of the open tool_use block's input JSON. */
  void toolArguments(String fragment) {
    if (fragment.isEmpty()) {
      return;
    }
    openToolHasArguments |= !fragment.isBlank();
    delta(new JsonObject().put("type", "input_json_delta").put("partial_json", fragment));
    message.append(openIndex(), fragment);
  }

  boolean isOpen(int index) {
    return openKind != null && index == openIndex();
  }

  boolean toolUseOpen() {
    return openKind == Kind.TOOL_USE;
  }

  boolean anyToolUse() {
    return anyToolUse;
  }

  void close() {
    if (openKind == null) {
      return;
    }
    if (openKind == Kind.THINKING && openSignature.length() > 0) {
      String signature = openSignature.toString();
      openSignature.setLength(0);
      delta(new JsonObject().put("type", "signature_delta").put("signature", signature));
      message.appendSignature(openIndex(), signature);
    }
    if (openKind == Kind.TOOL_USE && !openToolHasArguments) {
      // A call without arguments (a tool without parameters): the client must still find a JSON object.
      toolArguments("{}");
    }
    out.event("content_block_stop", new JsonObject().put("type", "content_block_stop").put("index", openIndex()));
    openKind = null;
  }

  private void open(Kind kind) {
    if (openKind == kind) {
      return;
    }
    close();
    if (kind == Kind.TEXT) {
      message.startText();
      start(kind, new JsonObject().put("type", "text").put("text", ""));
    } else {
      message.startThinking();
      start(kind, new JsonObject().put("type", "thinking").put("thinking", "").put("signature", ""));
    }
  }

  private void start(Kind kind, JsonObject block) {
    out.event("content_block_start", new JsonObject()
        .put("type", "content_block_start").put("index", nextIndex).put("content_block", block));
    nextIndex++;
    openKind = kind;
  }

  private void delta(JsonObject delta) {
    out.event("content_block_delta", new JsonObject()
        .put("type", "content_block_delta").put("index", openIndex()).put("delta", delta));
  }

  private int openIndex() {
    return nextIndex - 1;
  }
}
