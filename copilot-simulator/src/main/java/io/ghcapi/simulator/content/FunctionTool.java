package io.ghcapi.simulator.content;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A function tool offered in a request, whatever the API's own tool shape.
 *
 * @param name the tool name
 * @param parameters its JSON schema (an empty object when none was given)
 */
public record FunctionTool(String name, JsonObject parameters) {

  /**
   * Which tool the simulated model calls, like a model deciding from the prompt: none if calls are
   * disabled or no tool is offered; the forced one if named and offered; the only one when there is one;
   * else the first tool the user's text names (so an agent offering dozens of tools gets a plain answer to
   * "say hi" and a call to Bash for "use Bash to ...").
   */
  public static FunctionTool pick(List<FunctionTool> tools, boolean callsDisabled, String forcedName, String userText) {
    if (callsDisabled || tools.isEmpty()) {
      return null;
    }
    if (forcedName != null) {
      for (FunctionTool tool : tools) {
        if (tool.name().equals(forcedName)) {
          return tool;
        }
      }
    }
    if (tools.size() == 1) {
      return tools.get(0);
    }
    String text = userText == null ? "" : userText.toLowerCase(Locale.ROOT);
    for (FunctionTool tool : tools) {
      if (Pattern.compile("\\b" + Pattern.quote(tool.name().toLowerCase(Locale.ROOT)) + "\\b").matcher(text).find()) {
        return tool;
      }
    }
    return null;
  }

  /** The call the simulated model makes to this tool. */
  public ToolCall call(String id) {
    return new ToolCall(id, name, ToolArguments.fill(parameters).encode());
  }
}
