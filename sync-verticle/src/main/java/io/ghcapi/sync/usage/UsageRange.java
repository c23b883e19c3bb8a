package io.ghcapi.sync.usage;

import java.util.Locale;

/** The ranges of the merged usage (seed §7.2): how far back, and the chart step (hourly data allows no finer). */
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

  /** Default {@code day}; anything but the five names is an {@link IllegalArgumentException}. */
  public static UsageRange parse(String value) {
    if (value == null || value.isBlank()) {
      return DAY;
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

  /** The first hour in range, or {@code Long.MIN_VALUE} for {@link #ALL}. */
  long firstHour(long nowSeconds) {
    return seconds < 0 ? Long.MIN_VALUE : HourlyUsage.hourOf(nowSeconds - seconds);
  }

  long stepSeconds() {
    return stepSeconds;
  }

  String granularity() {
    return stepSeconds == 3600 ? "hour" : "day";
  }
}
