package io.ghcapi.simulator.messages;

import io.ghcapi.simulator.content.Answer;
import io.ghcapi.simulator.content.AnswerTexts;
import io.ghcapi.simulator.content.FunctionTool;
import io.ghcapi.simulator.content.IdSequence;
import io.ghcapi.simulator.content.TextParts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** Decides the simulated answer to an Anthropic Messages conversation. */
final class MessagesAnswerPlanner {

  private static final Set<String> TEXT_BLOCKS = Set.of("text");

  private MessagesAnswerPlanner() {
  }

  static Answer plan(String model, JsonArray messages, Object tools, Object toolChoice, IdSequence ids) {
    JsonObject last = lastConversational(messages);
    if (last != null && "user".equals(last.getValue("role"))) {
      Object content = last.getValue("content");
      if (TextParts.hasPartOfType(content, "tool_result")) {
        return Answer.text(AnswerTexts.toolResult(toolResultText((JsonArray) content)));
      }
      FunctionTool tool = FunctionTool.pick(customTools(tools), callsDisabled(toolChoice), forcedName(toolChoice),
          lastUserText(messages));
      if (tool != null) {
        return Answer.toolCall(tool.call("toolu_sim_" + ids.next()));
      }
    }
    return Answer.text(AnswerTexts.reply(model, lastUserText(messages)));
  }

  /** The last message that is not a mid-conversation system message (newer Claude Code sends those). */
  private static JsonObject lastConversational(JsonArray messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.getValue(i) instanceof JsonObject message && !"system".equals(message.getValue("role"))) {
        return message;
      }
    }
    return null;
  }

  private static String lastUserText(JsonArray messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.getValue(i) instanceof JsonObject message && "user".equals(message.getValue("role"))) {
        String text = TextParts.join(message.getValue("content"), TEXT_BLOCKS);
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    return "";
  }

  private static String toolResultText(JsonArray blocks) {
    StringJoiner joined = new StringJoiner("\n");
    for (Object entry : blocks) {
      if (entry instanceof JsonObject block && "tool_result".equals(block.getValue("type"))) {
        joined.add(TextParts.join(block.getValue("content"), TEXT_BLOCKS));
      }
    }
    return joined.toString();
  }

  /** Client tools; server tools (web search and the like) carry a versioned type and no input schema. */
  private static List<FunctionTool> customTools(Object tools) {
    List<FunctionTool> found = new ArrayList<>();
    if (tools instanceof JsonArray list) {
      for (Object entry : list) {
        if (entry instanceof JsonObject tool && tool.getValue("name") instanceof String name
            && (tool.getValue("type") == null || "custom".equals(tool.getValue("type")))) {
          Object schema = tool.getValue("input_schema");
          found.add(new FunctionTool(name, schema instanceof JsonObject s ? s : new JsonObject()));
        }
      }
    }
    return found;
  }

  private static boolean callsDisabled(Object toolChoice) {
    return toolChoice instanceof JsonObject choice && "none".equals(choice.getValue("type"));
  }

  private static String forcedName(Object toolChoice) {
    if (toolChoice instanceof JsonObject choice && "tool".equals(choice.getValue("type"))
        && choice.getValue("name") instanceof String name) {
      return name;
    }
    return null;
  }
}
