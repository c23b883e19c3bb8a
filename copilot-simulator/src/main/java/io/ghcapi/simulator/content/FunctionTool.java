package io.ghcapi.simulator.content;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A function tool offered in a request, whatever the API's own tool shape.
 *
 * @param name the tool name
 * @param parameters its JSON schema (an empty object when none was given)
 */
public record FunctionTool(String name, JsonObject parameters) {

  /**
   * Which tool the simulated model calls: none if calls are disabled or no tool is offered, the forced one
   * if named and offered, else the first.
   */
  public static FunctionTool pick(List<FunctionTool> tools, boolean callsDisabled, String forcedName) {
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
    return tools.get(0);
  }

  /** The call the simulated model makes to this tool. */
  public ToolCall call(String id) {
    return new ToolCall(id, name, ToolArguments.fill(parameters).encode());
  }
}
