package io.ghcapi.gateway.plugins;

import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Deploys plugins, each in its own deployment and, when it comes from a jar, with its own class loader (the
 * gateway's classes, {@code bus-api} and Vert.x are shared from the parent). A plugin that fails to load,
 * throws at start or does not start in time is reported and left out; the gateway serves on.
 */
public final class PluginHost {

  private static final Logger LOG = Logger.getLogger(PluginHost.class.getName());
  private static final long DEPLOY_TIMEOUT_MILLIS = 30_000;

  private final Vertx vertx;
  private final List<JsonObject> statuses = new CopyOnWriteArrayList<>();
  private final List<String> deployments = new CopyOnWriteArrayList<>();
  private final List<URLClassLoader> loaders = new CopyOnWriteArrayList<>();

  public PluginHost(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Deploys every plugin of the catalog, one after another; completes when all have succeeded or failed. */
  public Future<Void> deploy(PluginCatalog catalog) {
    catalog.problems().forEach(problem -> {
      LOG.warning("Plugin not loaded: " + problem);
      statuses.add(new JsonObject().put("name", null).put("status", "failed").put("error", problem));
    });
    Future<Void> chain = Future.succeededFuture();
    for (PluginSpec spec : catalog.specs()) {
      chain = chain.compose(v -> deployOne(spec));
    }
    return chain;
  }

  private Future<Void> deployOne(PluginSpec spec) {
    JsonObject status = new JsonObject()
        .put("name", spec.config().getString("name", simpleName(spec.className()))).put("class", spec.className())
        .put("source", spec.source()).put("status", "deploying");
    statuses.add(status);
    Deployable plugin;
    try {
      plugin = instantiate(spec);
    } catch (ReflectiveOperationException | MalformedURLException | RuntimeException | LinkageError e) {
      return Future.succeededFuture(failed(status, "cannot create " + spec.className() + ": " + describe(e)));
    }
    long started = System.nanoTime();
    return vertx.deployVerticle(plugin, new DeploymentOptions().setConfig(spec.config().copy()))
        .timeout(DEPLOY_TIMEOUT_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)
        .transform(result -> {
          if (result.succeeded()) {
            deployments.add(result.result());
            status.put("status", "deployed").put("deployment_id", result.result())
                .put("start_ms", (System.nanoTime() - started) / 1_000_000);
            LOG.info("Plugin " + spec.className() + " deployed from " + spec.source());
          } else {
            failed(status, result.cause() instanceof TimeoutException
                ? "did not start within " + DEPLOY_TIMEOUT_MILLIS / 1000 + " s" : describe(result.cause()));
          }
          return Future.<Void>succeededFuture();
        });
  }

  private Deployable instantiate(PluginSpec spec) throws ReflectiveOperationException, MalformedURLException {
    ClassLoader loader = getClass().getClassLoader();
    if (spec.jar() != null) {
      URLClassLoader own = new URLClassLoader("plugin:" + spec.jar().getFileName(),
          new URL[] {spec.jar().toUri().toURL()}, loader);
      loaders.add(own);
      loader = own;
    }
    Class<?> type = Class.forName(spec.className(), true, loader);
    if (!Deployable.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException(spec.className() + " is not a verticle");
    }
    return (Deployable) type.getDeclaredConstructor().newInstance();
  }

  private static Void failed(JsonObject status, String error) {
    status.put("status", "failed").put("error", error);
    LOG.warning("Plugin " + status.getString("class") + " failed to deploy: " + error + "; the gateway goes on without it");
    return null;
  }

  /** Each plugin with its status ({@code deploying}, {@code deployed}, {@code failed}) and error. */
  public JsonArray toJson() {
    JsonArray list = new JsonArray();
    statuses.forEach(status -> list.add(status.copy()));
    return list;
  }

  public Future<Void> close() {
    List<Future<Void>> undeployed = new ArrayList<>();
    for (String id : deployments) {
      undeployed.add(vertx.undeploy(id).recover(e -> Future.succeededFuture()));
    }
    deployments.clear();
    return Future.join(undeployed).transform(done -> {
      for (URLClassLoader loader : loaders) {
        try {
          loader.close();
        } catch (java.io.IOException e) {
          LOG.fine("Could not close a plugin class loader: " + e.getMessage());
        }
      }
      loaders.clear();
      return Future.<Void>succeededFuture();
    });
  }

  private static String simpleName(String className) {
    int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
    return cut < 0 ? className : className.substring(cut + 1);
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
