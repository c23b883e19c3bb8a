package io.ghcapi.simulator.github;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Device codes handed out by the device flow and how many more polls each must wait. Bounded. */
public final class DeviceAuthorizations {

  public static final int EXPIRES_IN_SECONDS = 900;
  static final int MAX_PENDING = 1000;

  private final int pendingPolls;
  private final LinkedHashMap<String, Pending> pendingByDeviceCode = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
      return size() > MAX_PENDING;
    }
  };

  public DeviceAuthorizations(int pendingPolls) {
    this.pendingPolls = pendingPolls;
  }

  /** Starts an authorization and returns its device code. */
  public synchronized String start() {
    String deviceCode = randomHex(20);
    pendingByDeviceCode.put(deviceCode,
        new Pending(pendingPolls, System.currentTimeMillis() + EXPIRES_IN_SECONDS * 1000L));
    return deviceCode;
  }

  /** Records one poll; the code is used up once the poll is granted. */
  public synchronized PollResult poll(String deviceCode) {
    Pending pending = deviceCode == null ? null : pendingByDeviceCode.get(deviceCode);
    if (pending == null) {
      return PollResult.EXPIRED;
    }
    if (System.currentTimeMillis() >= pending.expiresAtMillis) {
      pendingByDeviceCode.remove(deviceCode);
      return PollResult.EXPIRED;
    }
    if (pending.pollsLeft > 0) {
      pending.pollsLeft--;
      return PollResult.PENDING;
    }
    pendingByDeviceCode.remove(deviceCode);
    return PollResult.GRANTED;
  }

  static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** The outcome of one poll. */
  public enum PollResult { PENDING, GRANTED, EXPIRED }

  private static final class Pending {
    int pollsLeft;
    final long expiresAtMillis;

    Pending(int pollsLeft, long expiresAtMillis) {
      this.pollsLeft = pollsLeft;
      this.expiresAtMillis = expiresAtMillis;
    }
  }
}
