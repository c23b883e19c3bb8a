package io.ghcapi.sync.api;

import io.ghcapi.bus.AdminCall;
import io.ghcapi.bus.BusErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code ghc.sync.api} consumer: the admin calls the gateway relays (it has checked admin access
 * already), dispatched by path and method. See {@code docs/sync.md} for the routes.
 */
public final class SyncApi implements Handler<Message<JsonObject>> {

  static final String PREFIX = "/api/config-manager/";
  private static final Logger LOG = Logger.getLogger(SyncApi.class.getName());

  private final ConfigSyncRoutes sync;
  private final ToolRoutes tools;
  private final UsageRoutes usage;

  SyncApi(ConfigSyncRoutes sync, ToolRoutes tools, UsageRoutes usage) {
    this.sync = sync;
    this.tools = tools;
    this.usage = usage;
  }

  @Override
  public void handle(Message<JsonObject> message) {
    AdminCall call;
    try {
      call = AdminCall.fromJson(message.body() == null ? new JsonObject() : message.body());
    } catch (RuntimeException e) {
      message.fail(BusErrorCode.BAD_REQUEST.code(), "not an admin call: " + e.getMessage());
      return;
    }
    Future<JsonObject> reply;
    try {
      reply = dispatch(call, message);
    } catch (ApiFailure refused) {
      message.fail(refused.code().code(), refused.getMessage());
      return;
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    if (reply == null) {
      return;
    }
    reply.onSuccess(message::reply).onFailure(error -> {
      if (error instanceof ApiFailure refused) {
        message.fail(refused.code().code(), refused.getMessage());
      } else {
        LOG.log(Level.WARNING, "sync: " + call.method() + " " + call.path() + " failed", error);
        message.fail(BusErrorCode.INTERNAL.code(), String.valueOf(error.getMessage()));
      }
    });
  }

  /** The reply, or null when the route answers the message itself (a streamed install). */
  private Future<JsonObject> dispatch(AdminCall call, Message<JsonObject> message) {
    String path = call.path() == null ? "" : call.path();
    while (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String route = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path;
    String method = call.method() == null ? "GET" : call.method().toUpperCase(java.util.Locale.ROOT);
    switch (route) {
      case "sync", "sync/status":
        return get(method, route, sync::status);
      case "sync/diff":
        return get(method, route, () -> sync.diff(call));
      case "sync/hashes":
        return get(method, route, sync::hashes);
      case "sync/push":
        return post(method, route, () -> sync.push(call));
      case "sync/pull":
        return post(method, route, () -> sync.pull(call));
      case "software-versions":
        return get(method, route, tools::versions);
      case "machine-usage":
        return get(method, route, () -> usage.merged(call));
      case "install-tools":
        if (method.equals("GET")) {
          return tools.installInfo();
        }
        requirePost(method, route);
        tools.install(call, message);
        return null;
      default:
        throw new ApiFailure(BusErrorCode.NOT_FOUND, "no route " + path);
    }
  }

  private static Future<JsonObject> get(String method, String route, java.util.function.Supplier<Future<JsonObject>> handler) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw new ApiFailure(BusErrorCode.BAD_REQUEST, route + " is read with GET");
    }
    return handler.get();
  }

  private static Future<JsonObject> post(String method, String route, java.util.function.Supplier<Future<JsonObject>> handler) {
    requirePost(method, route);
    return handler.get();
  }

  private static void requirePost(String method, String route) {
    if (!method.equals("POST")) {
      throw new ApiFailure(BusErrorCode.BAD_REQUEST, route + " changes things: use POST");
    }
  }

  /** Builds the API and its route groups from what the verticle set up. */
  public static SyncApi create(SyncApiParts parts) {
    return new SyncApi(
        new ConfigSyncRoutes(parts.vertx(), parts.site(), parts.syncs()),
        new ToolRoutes(parts.vertx(), parts.context(), parts.processes(), parts.versions(), parts.installers(),
            parts.packages()),
        new UsageRoutes(parts.vertx(), parts.site(), parts.recorder(), parts.clock()));
  }
}
