package io.ghcapi.simulator.github;

import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The Copilot tokens handed out by the token exchange, each valid until its expiry. Bounded. */
public final class IssuedTokens {

  /** Far more than any client refreshes within a token lifetime; the oldest tokens are forgotten first. */
  static final int MAX_TOKENS = 10_000;

  /** GitHub says "refresh in N seconds" but keeps the token valid a minute longer. */
  private static final int EXPIRY_GRACE_SECONDS = 60;

  private final int refreshInSeconds;
  private final LinkedHashMap<String, Long> expiryMillisByToken = new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
      return size() > MAX_TOKENS;
    }
  };

  public IssuedTokens(int refreshInSeconds) {
    this.refreshInSeconds = refreshInSeconds;
  }

  /** Issues a new token. */
  public synchronized IssuedToken issue() {
    long nowMillis = System.currentTimeMillis();
    long expiresAtSeconds = nowMillis / 1000 + refreshInSeconds + EXPIRY_GRACE_SECONDS;
    byte[] random = new byte[16];
    ThreadLocalRandom.current().nextBytes(random);
    String token = "tid=sim;exp=" + expiresAtSeconds + ";sku=free;" + HexFormat.of().formatHex(random);
    purgeExpired(nowMillis);
    expiryMillisByToken.put(token, expiresAtSeconds * 1000);
    return new IssuedToken(token, expiresAtSeconds, refreshInSeconds);
  }

  /** Whether {@code token} was issued here and has not expired. */
  public synchronized boolean isValid(String token) {
    if (token == null || token.isEmpty()) {
      return false;
    }
    Long expiresAtMillis = expiryMillisByToken.get(token);
    return expiresAtMillis != null && System.currentTimeMillis() < expiresAtMillis;
  }

  /** Makes every issued token expire now; returns how many there were. */
  public synchronized int expireAll() {
    int count = expiryMillisByToken.size();
    expiryMillisByToken.clear();
    return count;
  }

  private void purgeExpired(long nowMillis) {
    // Tokens are issued in order of expiry (one lifetime for all), so expired ones sit at the front.
    for (Iterator<Long> it = expiryMillisByToken.values().iterator(); it.hasNext(); ) {
      if (it.next() > nowMillis) {
        return;
      }
      it.remove();
    }
  }

  /** A token just issued. */
  public record IssuedToken(String token, long expiresAtEpochSeconds, int refreshInSeconds) {
  }
}
