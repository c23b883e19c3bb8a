package io.ghcapi.simulator.chat;

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

/** Decides the simulated answer to a Chat Completions conversation. */
final class ChatAnswerPlanner {

  private static final Set<String> TEXT_PARTS = Set.of("text");

  private ChatAnswerPlanner() {
  }

  static Answer plan(String model, JsonArray messages, Object tools, Object toolChoice, IdSequence ids) {
    JsonObject last = lastConversational(messages);
    String lastRole = last == null ? null : String.valueOf(last.getValue("role"));
    if ("tool".equals(lastRole)) {
      return Answer.text(AnswerTexts.toolResult(TextParts.join(last.getValue("content"), TEXT_PARTS)));
    }
    if ("user".equals(lastRole)) {
      FunctionTool tool = FunctionTool.pick(functionTools(tools), "none".equals(toolChoice), forcedName(toolChoice),
          lastUserText(messages));
      if (tool != null) {
        return Answer.toolCall(tool.call("call_sim_" + ids.next()));
      }
    }
    return Answer.text(AnswerTexts.reply(model, lastUserText(messages)));
  }

  /** The last message that is not a system or developer instruction. */
  private static JsonObject lastConversational(JsonArray messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.getValue(i) instanceof JsonObject message) {
        Object role = message.getValue("role");
        if (!"system".equals(role) && !"developer".equals(role)) {
          return message;
        }
      }
    }
    return null;
  }

  private static String lastUserText(JsonArray messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.getValue(i) instanceof JsonObject message && "user".equals(message.getValue("role"))) {
        return TextParts.join(message.getValue("content"), TEXT_PARTS);
      }
    }
    return "";
  }

  private static List<FunctionTool> functionTools(Object tools) {
    List<FunctionTool> found = new ArrayList<>();
    if (tools instanceof JsonArray list) {
      for (Object entry : list) {
        if (entry instanceof JsonObject tool && "function".equals(tool.getValue("type"))
            && tool.getValue("function") instanceof JsonObject function
            && function.getValue("name") instanceof String name) {
          Object parameters = function.getValue("parameters");
          found.add(new FunctionTool(name, parameters instanceof JsonObject schema ? schema : new JsonObject()));
        }
      }
    }
    return found;
  }

  private static String forcedName(Object toolChoice) {
    if (toolChoice instanceof JsonObject choice && choice.getValue("function") instanceof JsonObject function
        && function.getValue("name") instanceof String name) {
      return name;
    }
    return null;
  }
}
