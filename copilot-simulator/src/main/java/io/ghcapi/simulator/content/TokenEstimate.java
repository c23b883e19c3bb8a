package io.ghcapi.simulator.content;

/** The usual rough token count: a token per four characters. */
public final class TokenEstimate {

  private TokenEstimate() {
  }

  public static int ofChars(int chars) {
    return (chars + 3) / 4;
  }
}
