package io.ghcapi.simulator.content;

/**
 * A tool call the simulated model makes.
 *
 * @param id the call id ({@code call_sim_<n>} or {@code toolu_sim_<n>})
 * @param name the tool name
 * @param arguments the arguments as compact JSON text
 */
public record ToolCall(String id, String name, String arguments) {
}
