package io.ghcapi.simulator.responses;

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

/** Decides the simulated answer to a Responses API request from its {@code input}. */
final class ResponsesAnswerPlanner {

  static final Set<String> TEXT_PARTS = Set.of("input_text", "output_text", "text");

  private ResponsesAnswerPlanner() {
  }

  static Answer plan(String model, Object input, Object tools, Object toolChoice, IdSequence ids) {
    String userText;
    boolean userSpokeLast;
    if (input instanceof String text) {
      userText = text;
      userSpokeLast = true;
    } else {
      JsonArray items = input instanceof JsonArray list ? list : new JsonArray();
      JsonObject last = lastConversational(items);
      if (last != null && "function_call_output".equals(last.getValue("type"))) {
        return Answer.text(AnswerTexts.toolResult(TextParts.join(last.getValue("output"), TEXT_PARTS)));
      }
      userSpokeLast = last != null && isMessage(last) && "user".equals(last.getValue("role"));
      userText = lastUserText(items);
    }
    if (userSpokeLast) {
      FunctionTool tool = FunctionTool.pick(functionTools(tools), "none".equals(toolChoice), forcedName(toolChoice),
          userText);
      if (tool != null) {
        return Answer.toolCall(tool.call("call_sim_" + ids.next()));
      }
    }
    return Answer.text(AnswerTexts.reply(model, userText));
  }

  static boolean isMessage(JsonObject item) {
    Object type = item.getValue("type");
    return "message".equals(type) || (type == null && item.containsKey("role"));
  }

  /** The last item that is not a system or developer message. */
  private static JsonObject lastConversational(JsonArray items) {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.getValue(i) instanceof JsonObject item) {
        Object role = item.getValue("role");
        if (!(isMessage(item) && ("system".equals(role) || "developer".equals(role)))) {
          return item;
        }
      }
    }
    return null;
  }

  private static String lastUserText(JsonArray items) {
    for (int i = items.size() - 1; i >= 0; i--) {
      if (items.getValue(i) instanceof JsonObject item && isMessage(item) && "user".equals(item.getValue("role"))) {
        return TextParts.join(item.getValue("content"), TEXT_PARTS);
      }
    }
    return "";
  }

  private static List<FunctionTool> functionTools(Object tools) {
    List<FunctionTool> found = new ArrayList<>();
    if (tools instanceof JsonArray list) {
      for (Object entry : list) {
        if (entry instanceof JsonObject tool && "function".equals(tool.getValue("type"))
            && tool.getValue("name") instanceof String name) {
          Object parameters = tool.getValue("parameters");
          found.add(new FunctionTool(name, parameters instanceof JsonObject schema ? schema : new JsonObject()));
        }
      }
    }
    return found;
  }

  private static String forcedName(Object toolChoice) {
    if (toolChoice instanceof JsonObject choice && "function".equals(choice.getValue("type"))
        && choice.getValue("name") instanceof String name) {
      return name;
    }
    return null;
  }
}
