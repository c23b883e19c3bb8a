package io.ghcapi.gateway.auth;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The GitHub token the gateway exchanges for Copilot tokens, where it came from, and a hint for people
 * when there is none. Thread-safe: a device login on the console may replace it while requests are served.
 */
public final class GithubCredentials {

  /** Where the current token came from, as shown in the token status. */
  public enum Source { ENVIRONMENT, FILE, DEVICE_FLOW, DEMO, CONFIGURED, UNCONFIGURED }

  private record State(String token, Source source, String loginHint) {
  }

  /** Saves a token obtained by a login so it survives a restart (blocking I/O; called on a worker). */
  @FunctionalInterface
  public interface TokenSaver {
    void save(String token) throws java.io.IOException;
  }

  private volatile State state;
  private volatile TokenSaver saver = token -> { };
  private volatile TokenDeleter deleter = () -> false;

  /** Deletes the saved token (blocking I/O; called on a worker); true when there was one. */
  @FunctionalInterface
  public interface TokenDeleter {
    boolean delete() throws java.io.IOException;
  }
  private final CopyOnWriteArrayList<Consumer<GithubCredentials>> listeners = new CopyOnWriteArrayList<>();

  private GithubCredentials(State state) {
    this.state = state;
  }

  public static GithubCredentials of(String token, Source source) {
    return new GithubCredentials(new State(token, source, null));
  }

  public static GithubCredentials none(String loginHint) {
    return new GithubCredentials(new State(null, Source.UNCONFIGURED, loginHint));
  }

  public Optional<String> token() {
    return Optional.ofNullable(state.token);
  }

  public Source source() {
    return state.source;
  }

  /** What to tell a client when there is no token: how to log in, or the code of a login in progress. */
  public String loginHint() {
    String hint = state.loginHint;
    return hint != null ? hint
        : "ghc-api has no GitHub token. Log in with `ghc-api --github-device-login`, or set GITHUB_TOKEN, then retry.";
  }

  public void replace(String token, Source source) {
    state = new State(token, source, null);
    listeners.forEach(l -> l.accept(this));
  }

  public void clear(String loginHint) {
    state = new State(null, Source.UNCONFIGURED, loginHint);
    listeners.forEach(l -> l.accept(this));
  }

  /** Updates the hint shown while there is no token (a device login in progress, say). */
  public void loginHint(String hint) {
    State current = state;
    state = new State(current.token, current.source, hint);
  }

  /** Where a token from a browser login is saved, and how the saved one is deleted. */
  public void persistWith(TokenSaver tokenSaver, TokenDeleter tokenDeleter) {
    this.saver = tokenSaver;
    this.deleter = tokenDeleter;
  }

  public TokenDeleter deleter() {
    return deleter;
  }

  public TokenSaver saver() {
    return saver;
  }

  public void onChange(Consumer<GithubCredentials> listener) {
    listeners.add(listener);
  }
}
