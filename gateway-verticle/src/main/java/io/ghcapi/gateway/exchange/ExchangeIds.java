package io.ghcapi.gateway.exchange;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for exchange ids, drawn from the thread's own generator: {@code UUID.randomUUID()}
 * goes through one shared {@code SecureRandom}, a lock every event loop would contend on per request. The
 * ids name history entries; they are not secrets (the admin API that uses them is guarded).
 */
final class ExchangeIds {

  private ExchangeIds() {
  }

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long low = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
