package io.ghcapi.gateway.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ghcapi.gateway.config.ModelMappingConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelMapperTest {

  private static final Set<String> CATALOG = Set.of("claude-sonnet-4.5", "claude-haiku-4.5", "claude-sonnet-4",
      "gpt-4o", "claude-3.5-sonnet", "claude-opus-4.8", "claude-sonnet-5", "special-model-20250101");

  private static ModelMapper loaded(ModelMappingConfig rules) {
    return new ModelMapper(() -> rules, CATALOG::contains, id -> true);
  }

  private static ModelMapper notLoaded(ModelMappingConfig rules) {
    return new ModelMapper(() -> rules, id -> false, id -> false);
  }

  private static ModelMappingConfig rules(Map<String, String> exact, Map<String, String> prefix) {
    return new ModelMappingConfig(exact, prefix);
  }

  @Test
  void defaultsMapTheShortNames() {
    ModelMapper mapper = loaded(ModelMappingConfig.defaults());
    assertEquals("claude-opus-4.8", mapper.map("opus").upstream());
    assertEquals("claude-sonnet-5", mapper.map("sonnet").upstream());
    assertEquals("claude-haiku-4.5", mapper.map("haiku").upstream());
    assertTrue(mapper.map("opus").changed());
    assertEquals("opus", mapper.map("opus").requested());
  }

  @Test
  void datedClaudeNamesNormaliseWhenCopilotHasTheModel() {
    ModelMapper mapper = loaded(ModelMappingConfig.defaults());
    assertEquals("claude-sonnet-4.5", mapper.map("claude-sonnet-4-5-20250929").upstream());
    assertEquals("claude-haiku-4.5", mapper.map("claude-haiku-4-5-20251001").upstream());
    assertEquals("claude-3.5-sonnet", mapper.map("claude-3-5-sonnet-20241022").upstream());
    assertEquals("gpt-4o", mapper.map("gpt-4o-2024-08-06").upstream());
  }

  @Test
  void exactRuleWinsOverEverythingElse() {
    ModelMappingConfig r = rules(Map.of("gpt-4o", "claude-sonnet-4.5"), Map.of("gpt-", "claude-sonnet-4"));
    ModelMapper mapper = loaded(r);
    MappedModel m = mapper.map("gpt-4o");
    assertEquals("claude-sonnet-4.5", m.upstream());
    assertTrue(m.changed());
  }

  @Test
  void exactRuleOnTheNormalisedNameApplies() {
    ModelMappingConfig r = rules(Map.of("claude-sonnet-4.5", "claude-sonnet-5"), Map.of());
    assertEquals("claude-sonnet-5", loaded(r).map("claude-sonnet-4-5-20250929").upstream());
  }

  @Test
  void aNameCopilotKnowsStaysAsIs() {
    // a prefix rule would match, but Copilot lists the name itself
    ModelMappingConfig r = rules(Map.of(), Map.of("special-", "gpt-4o"));
    MappedModel m = loaded(r).map("special-model-20250101");
    assertEquals("special-model-20250101", m.upstream());
    assertFalse(m.changed());
    assertEquals("claude-sonnet-4", loaded(ModelMappingConfig.defaults()).map("claude-sonnet-4").upstream());
  }

  @Test
  void normalisedNameUsedWhenCatalogNotLoaded() {
    ModelMapper mapper = notLoaded(ModelMappingConfig.defaults());
    assertEquals("claude-sonnet-4.5", mapper.map("claude-sonnet-4-5-20250929").upstream());
    assertEquals("gpt-4o", mapper.map("gpt-4o-2024-08-06").upstream());
  }

  @Test
  void unknownNormalisedNameFallsBackToPrefixWhenCatalogLoaded() {
    // claude-sonnet-4.7 is not in the catalog, so the dated name goes to the prefix rule
    ModelMapper mapper = loaded(ModelMappingConfig.defaults());
    assertEquals("claude-sonnet-4", mapper.map("claude-sonnet-4-7-20260101").upstream());
  }

  @Test
  void longestPrefixWinsRegardlessOfOrder() {
    Map<String, String> shortFirst = new LinkedHashMap<>();
    shortFirst.put("foo-", "short-target");
    shortFirst.put("foo-bar-", "long-target");
    Map<String, String> longFirst = new LinkedHashMap<>();
    longFirst.put("foo-bar-", "long-target");
    longFirst.put("foo-", "short-target");
    assertEquals("long-target", loaded(rules(Map.of(), shortFirst)).map("foo-bar-baz").upstream());
    assertEquals("long-target", loaded(rules(Map.of(), longFirst)).map("foo-bar-baz").upstream());
    assertEquals("short-target", loaded(rules(Map.of(), shortFirst)).map("foo-qux").upstream());
    assertEquals("short-target", loaded(rules(Map.of(), longFirst)).map("foo-qux").upstream());
  }

  @Test
  void unknownNamesStayUnchanged() {
    ModelMapper mapper = loaded(ModelMappingConfig.defaults());
    MappedModel m = mapper.map("totally-unknown-model");
    assertEquals("totally-unknown-model", m.upstream());
    assertFalse(m.changed());
    assertEquals("o3-mini", notLoaded(ModelMappingConfig.defaults()).map("o3-mini").upstream());
  }

  @Test
  void exactMatchIsCaseSensitive() {
    MappedModel m = loaded(ModelMappingConfig.defaults()).map("Opus");
    assertEquals("Opus", m.upstream());
  }
}
