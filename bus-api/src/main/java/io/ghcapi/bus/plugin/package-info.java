/**
 * The plugin API: what a third-party verticle needs to take part in the gateway's request path. A plugin
 * that only observes needs nothing from here (it consumes the published addresses in
 * {@link io.ghcapi.bus.Addresses}); a plugin that intercepts requests registers with
 * {@link io.ghcapi.bus.plugin.InterceptorRegistration}, answers {@link io.ghcapi.bus.plugin.InterceptedRequest}s
 * on its own address and replies with an {@link io.ghcapi.bus.plugin.InterceptDecision}.
 * See {@code docs/event-bus-api.md}.
 */
package io.ghcapi.bus.plugin;
