package io.ghcapi.acp.session;

import io.ghcapi.acp.fs.WorkspaceFiles;
import io.ghcapi.acp.rpc.JsonRpcConnection;
import io.ghcapi.acp.rpc.RpcCodes;
import io.ghcapi.acp.rpc.RpcException;
import io.ghcapi.acp.terminal.Terminals;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Answers the methods an agent calls on us: {@code session/request_permission}, {@code fs/read_text_file},
 * {@code fs/write_text_file} (confined to the working directory, each shown as a {@code file} event) and
 * {@code terminal/*} (only when advertised). Anything else is "method not found".
 */
final class ClientMethods implements JsonRpcConnection.RequestHandler {

  private final Vertx vertx;
  private final Permissions permissions;
  private final Supplier<AutoApprove> policy;
  private final WorkspaceFiles files;
  private final Terminals terminals;
  private final boolean terminalsOffered;
  private final BiConsumer<String, JsonObject> events;

  ClientMethods(Vertx vertx, Permissions permissions, Supplier<AutoApprove> policy, WorkspaceFiles files,
      Terminals terminals, boolean terminalsOffered, BiConsumer<String, JsonObject> events) {
    this.vertx = vertx;
    this.permissions = permissions;
    this.policy = policy;
    this.files = files;
    this.terminals = terminals;
    this.terminalsOffered = terminalsOffered;
    this.events = events;
  }

  @Override
  public Future<JsonObject> handle(Object id, String method, JsonObject params) {
    return switch (method) {
      case "session/request_permission" -> permissions.request(id, params, policy.get());
      case "fs/read_text_file" -> read(params);
      case "fs/write_text_file" -> write(params);
      case "terminal/create" -> terminals(() -> terminals.create(params));
      case "terminal/output" -> terminals(() -> Future.succeededFuture(terminals.output(params)));
      case "terminal/wait_for_exit" -> terminals(() -> terminals.waitForExit(params));
      case "terminal/kill" -> terminals(() -> Future.succeededFuture(terminals.kill(params)));
      case "terminal/release" -> terminals(() -> Future.succeededFuture(terminals.release(params)));
      default -> Future.failedFuture(new RpcException(RpcCodes.METHOD_NOT_FOUND, "Method not found: " + method));
    };
  }

  private Future<JsonObject> read(JsonObject params) {
    String path = params.getString("path");
    Integer line = params.getValue("line") instanceof Number n ? n.intValue() : null;
    Integer limit = params.getValue("limit") instanceof Number n ? n.intValue() : null;
    return vertx.executeBlocking(() -> files.read(path, line, limit), false)
        .onSuccess(text -> events.accept("file", new JsonObject().put("op", "read").put("path", path)
            .put("bytes", text.getBytes(StandardCharsets.UTF_8).length)))
        .onFailure(refused -> events.accept("file", new JsonObject().put("op", "read").put("path", path)
            .put("refused", refused.getMessage())))
        .map(text -> new JsonObject().put("content", text));
  }

  private Future<JsonObject> write(JsonObject params) {
    String path = params.getString("path");
    String content = params.getValue("content") instanceof String text ? text : "";
    return vertx.executeBlocking(() -> {
      files.write(path, content);
      return content.getBytes(StandardCharsets.UTF_8).length;
    }, false)
        .onSuccess(bytes -> events.accept("file", new JsonObject().put("op", "write").put("path", path)
            .put("bytes", bytes)))
        .onFailure(refused -> events.accept("file", new JsonObject().put("op", "write").put("path", path)
            .put("refused", refused.getMessage())))
        .map(bytes -> new JsonObject());
  }

  private Future<JsonObject> terminals(Supplier<Future<JsonObject>> call) {
    if (!terminalsOffered) {
      return Future.failedFuture(new RpcException(RpcCodes.METHOD_NOT_FOUND,
          "Terminals are not offered by this client"));
    }
    return call.get();
  }
}
