package io.ghcapi.simulator.github;

/** Reads the GitHub token from an {@code Authorization} header ({@code token <t>}, or {@code Bearer <t>} as GitHub also accepts). */
final class GitHubAuthorization {

  private GitHubAuthorization() {
  }

  /** The token, or {@code null} when the header is absent, of another scheme, or empty. */
  static String token(String authorization) {
    if (authorization == null) {
      return null;
    }
    int space = authorization.indexOf(' ');
    if (space < 0) {
      return null;
    }
    String scheme = authorization.substring(0, space);
    if (!scheme.equalsIgnoreCase("token") && !scheme.equalsIgnoreCase("bearer")) {
      return null;
    }
    String token = authorization.substring(space + 1).trim();
    return token.isEmpty() ? null : token;
  }
}
