package io.ghcapi.cache.record;

import io.ghcapi.bus.ExchangeState;
import io.ghcapi.bus.Redaction;
import io.ghcapi.bus.RequestRecord;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.UUID;

/** Seed §5.5 defaults for an imported line, so it can stand beside the records the gateway published. */
public final class ImportedRecord {

  static final int MAX_ID_LENGTH = 200;

  private ImportedRecord() {
  }

  /** Parses and completes one line; throws {@link IllegalArgumentException} with a readable reason. */
  public static JsonObject fromLine(String line, long maxBodyBytes) {
    JsonObject record = ExportLine.decode(line);
    normalise(record);
    BodyLimit.apply(record, maxBodyBytes);
    return record;
  }

  static void normalise(JsonObject record) {
    Object id = record.getValue(RequestRecord.ID);
    if (id == null || String.valueOf(id).isBlank()) {
      record.put(RequestRecord.ID, UUID.randomUUID().toString());
    } else if (!(id instanceof String)) {
      record.put(RequestRecord.ID, String.valueOf(id));
    }
    if (record.getString(RequestRecord.ID).length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("id longer than " + MAX_ID_LENGTH + " characters");
    }
    if (!(record.getValue(RequestRecord.TIMESTAMP) instanceof Number)) {
      record.put(RequestRecord.TIMESTAMP, timestamp(record.getValue(RequestRecord.TIMESTAMP)));
    }
    if (!(record.getValue(RequestRecord.STATE) instanceof String)) {
      record.put(RequestRecord.STATE, ExchangeState.COMPLETED.wireName());
    }
    Object status = record.getValue(RequestRecord.STATUS_CODE);
    if (status == null) {
      record.put(RequestRecord.STATUS_CODE, 200);
    } else if (!(status instanceof Number)) {
      record.put(RequestRecord.STATUS_CODE, RecordFields.statusOf(record) >= 0 ? RecordFields.statusOf(record) : 200);
    }
    putIfAbsent(record, RequestRecord.USER_ID, "anonymous");
    putIfAbsent(record, RequestRecord.STREAM, false);
    for (String field : new String[] {RequestRecord.REQUEST_SIZE, RequestRecord.RESPONSE_SIZE,
        RequestRecord.INPUT_TOKENS, RequestRecord.OUTPUT_TOKENS, RequestRecord.CACHE_CREATION_INPUT_TOKENS,
        RequestRecord.CACHE_READ_INPUT_TOKENS}) {
      Object value = record.getValue(field);
      if (value == null) {
        record.put(field, 0L);
      } else if (!(value instanceof Number)) {
        record.put(field, RecordFields.longOf(record, field));
      }
    }
    if (record.getValue(RequestRecord.REQUEST_HEADERS) instanceof JsonObject headers) {
      redactSecrets(headers);
    }
  }

  /** Unix seconds from a number, a numeric string or ISO-8601 (zone-less times are local); else now. */
  static double timestamp(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text && !text.isBlank()) {
      String trimmed = text.trim();
      try {
        return Double.parseDouble(trimmed);
      } catch (NumberFormatException notANumber) {
        Instant instant = isoInstant(trimmed);
        if (instant != null) {
          return instant.toEpochMilli() / 1000.0;
        }
      }
    }
    return System.currentTimeMillis() / 1000.0;
  }

  private static Instant isoInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // not with an offset: try without
    }
    try {
      return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** Files from elsewhere may hold credentials in clear: redact those not redacted already. */
  private static void redactSecrets(JsonObject headers) {
    for (String name : new ArrayList<>(headers.fieldNames())) {
      if (headers.getValue(name) instanceof String value && Redaction.isSecretName(name)
          && !value.contains("[REDACTED")) {
        headers.put(name, Redaction.redactValue(value));
      }
    }
  }

  private static void putIfAbsent(JsonObject record, String key, Object value) {
    if (record.getValue(key) == null) {
      record.put(key, value);
    }
  }
}
