package io.ghcapi.bus;

import java.util.Locale;

/**
 * The time ranges of token-usage overviews (seed §7.2): the {@code range} of {@link Addresses#USAGE_GET}
 * and of the machine-usage merge. Buckets are hourly, so a finer step is not possible: hour and day ranges
 * are charted per hour, longer ones per day.
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

  /** {@code fallback} for a missing value; {@link IllegalArgumentException} for anything but the five names. */
  public static UsageRange parse(String value, UsageRange fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
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

  /** The earliest time in range (epoch seconds), or {@code Long.MIN_VALUE} for {@link #ALL}. */
  public long cutoff(long nowSeconds) {
    return seconds < 0 ? Long.MIN_VALUE : nowSeconds - seconds;
  }

  /** The chart step in seconds: an hour or a day. */
  public long stepSeconds() {
    return stepSeconds;
  }

  /** {@code hour} or {@code day}, as overviews name their step. */
  public String granularity() {
    return stepSeconds == 3600 ? "hour" : "day";
  }
}
