package io.ghcapi.acp.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start a process.
 *
 * @param name a short name for thread names and logs
 * @param command the program and its arguments
 * @param workingDirectory where it runs
 * @param environment variables set over the inherited ones (or the only ones)
 * @param inheritEnvironment whether it starts from this JVM's environment
 */
public record ProcessSpec(String name, List<String> command, Path workingDirectory, Map<String, String> environment,
    boolean inheritEnvironment) {

  public ProcessSpec {
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
  }
}
