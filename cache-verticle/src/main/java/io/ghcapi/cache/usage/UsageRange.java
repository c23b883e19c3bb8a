package io.ghcapi.cache.usage;

import java.util.Locale;

/**
 * The time ranges of the usage overview (seed §7.2). Buckets are hourly, so a minute granularity is not
 * possible: hour and day ranges are charted per hour, longer ones per day.
 */
public enum UsageRange {
  HOUR(3600, 3600),
  DAY(86_400, 3600),
  WEEK(7 * 86_400, 86_400),
  MONTH(30 * 86_400, 86_400),
  ALL(-1, 86_400);

  private final long seconds;
  private final long stepSeconds;

  UsageRange(long seconds, long stepSeconds) {
    this.seconds = seconds;
    this.stepSeconds = stepSeconds;
  }

  /** Default week; throws {@link IllegalArgumentException} for anything else than the five names. */
  public static UsageRange parse(String value) {
    if (value == null || value.isBlank()) {
      return WEEK;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("range must be one of hour, day, week, month, all; got '" + value + "'");
    }
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The earliest time in range, or {@code Long.MIN_VALUE} for {@link #ALL}. */
  long cutoff(long nowSeconds) {
    return seconds < 0 ? Long.MIN_VALUE : nowSeconds - seconds;
  }

  long stepSeconds() {
    return stepSeconds;
  }

  String granularity() {
    return stepSeconds == 3600 ? "hour" : "day";
  }
}
