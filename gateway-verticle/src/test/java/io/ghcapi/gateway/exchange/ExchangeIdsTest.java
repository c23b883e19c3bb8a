package io.ghcapi.gateway.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExchangeIdsTest {

  @Test
  void idsAreDistinctVersion4Uuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = ExchangeIds.next();
      UUID uuid = UUID.fromString(id);
      assertEquals(4, uuid.version());
      assertEquals(2, uuid.variant());
      seen.add(id);
    }
    assertEquals(10_000, seen.size());
  }
}
