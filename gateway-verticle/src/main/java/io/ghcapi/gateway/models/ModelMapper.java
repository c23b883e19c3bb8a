package io.ghcapi.gateway.models;

import io.ghcapi.gateway.config.ModelMappingConfig;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Maps a client's model name to a Copilot model, in this order: an exact rule; the name itself when
 * Copilot has it; the normalised name ({@link ModelNames}) when Copilot has it (or the list is not known
 * yet); the longest matching prefix rule; else the name unchanged.
 */
public final class ModelMapper {

  private final Supplier<ModelMappingConfig> rules;
  private final Predicate<String> known;
  private final Predicate<String> catalogLoaded;

  /**
   * @param known whether Copilot lists a model id
   * @param catalogLoaded whether the model list has been fetched (its argument is ignored)
   */
  public ModelMapper(Supplier<ModelMappingConfig> rules, Predicate<String> known, Predicate<String> catalogLoaded) {
    this.rules = rules;
    this.known = known;
    this.catalogLoaded = catalogLoaded;
  }

  public MappedModel map(String requested) {
    ModelMappingConfig rules = this.rules.get();
    String exact = rules.exact().get(requested);
    if (exact != null) {
      return new MappedModel(requested, exact);
    }
    if (known.test(requested)) {
      return new MappedModel(requested, requested);
    }
    String normalised = ModelNames.normalise(requested);
    if (!normalised.equals(requested)) {
      String exactNormalised = rules.exact().get(normalised);
      if (exactNormalised != null) {
        return new MappedModel(requested, exactNormalised);
      }
      if (known.test(normalised) || !catalogLoaded.test(normalised)) {
        return new MappedModel(requested, normalised);
      }
    }
    String prefixTarget = longestPrefixTarget(rules, requested);
    return new MappedModel(requested, prefixTarget != null ? prefixTarget : requested);
  }

  private static String longestPrefixTarget(ModelMappingConfig rules, String name) {
    String bestPrefix = null;
    String target = null;
    for (Map.Entry<String, String> rule : rules.prefix().entrySet()) {
      String prefix = rule.getKey();
      if (name.startsWith(prefix) && (bestPrefix == null || prefix.length() > bestPrefix.length())) {
        bestPrefix = prefix;
        target = rule.getValue();
      }
    }
    return target;
  }
}
