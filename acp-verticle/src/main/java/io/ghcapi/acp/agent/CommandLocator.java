package io.ghcapi.acp.agent;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds an agent's program: a path is used as given, a bare name is looked up in the extra directories and
 * then on the {@code PATH}. A JavaScript file is run with {@code node}. Blocking (file-system checks): call
 * it from a worker thread.
 */
public final class CommandLocator {

  private final List<Path> extraDirectories;
  private final String searchPath;

  /**
   * @param extraDirectories searched before the PATH ({@code acp_agent_path})
   * @param searchPath the {@code PATH} value
   */
  public CommandLocator(List<Path> extraDirectories, String searchPath) {
    this.extraDirectories = List.copyOf(extraDirectories);
    this.searchPath = searchPath == null ? "" : searchPath;
  }

  /** The command line to start the agent. */
  public List<String> commandLine(AgentDefinition agent) {
    Path program = locate(agent);
    List<String> command = new ArrayList<>();
    String file = program.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!Files.isExecutable(program) && (file.endsWith(".js") || file.endsWith(".mjs") || file.endsWith(".cjs"))) {
      command.add("node");
    }
    command.add(program.toString());
    command.addAll(agent.args());
    return command;
  }

  /** Where the program is; fails with a message that says how to install it. */
  public Path locate(AgentDefinition agent) {
    String command = agent.command();
    if (command.contains("/") || command.contains(File.separator)) {
      Path path = Path.of(command.startsWith("~/") ? System.getProperty("user.home") + command.substring(1) : command);
      if (Files.isRegularFile(path) && (Files.isExecutable(path) || isScript(path))) {
        return path.toAbsolutePath();
      }
      throw new AgentNotFoundException(agent.name() + " is not installed where the configuration says: " + path
          + " is not an executable file." + installHint(agent));
    }
    List<Path> directories = new ArrayList<>(extraDirectories);
    for (String entry : searchPath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        directories.add(Path.of(entry));
      }
    }
    for (Path directory : directories) {
      Path candidate = directory.resolve(command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw new AgentNotFoundException(agent.name() + " is not installed: '" + command
        + "' was not found on the PATH." + installHint(agent));
  }

  private static boolean isScript(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".js") || name.endsWith(".mjs") || name.endsWith(".cjs");
  }

  private static String installHint(AgentDefinition agent) {
    StringBuilder hint = new StringBuilder();
    if (!agent.npmPackage().isEmpty()) {
      hint.append(" Install it with: npm install -g ").append(agent.npmPackage()).append('.');
    }
    hint.append(" Or set acp_agents.").append(agent.kind()).append(".command");
    if (!agent.commandVariable().isEmpty()) {
      hint.append(" (or the environment variable ").append(agent.commandVariable()).append(')');
    }
    return hint.append(" to its path.").toString();
  }
}
