package io.ghcapi.translator.anthropic;

import io.ghcapi.translator.Warnings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic user-side content blocks ({@code text}, {@code image}, {@code document}) as Chat Completions
 * content parts. Blank text is left out: Anthropic rejects empty text blocks when a Claude model gets them back.
 */
final class ContentParts {

  private ContentParts() {
  }

  /** The parts for one block: none for a blank or unsupported one (the latter with a warning). */
  static List<JsonObject> of(JsonObject block, String path, Warnings warnings) {
    String type = Fields.type(block, path);
    return switch (type) {
      case "text" -> text(Fields.requiredString(block, "text", path + ".text"));
      case "image" -> image(block, path, warnings);
      case "document" -> document(block, path, warnings);
      default -> {
        warnings.add("content.unsupported_block_dropped");
        yield List.of();
      }
    };
  }

  static boolean isText(JsonObject part) {
    return "text".equals(part.getString("type"));
  }

  /** A string when every part is text (joined by blank lines), else the parts themselves. */
  static Object content(List<JsonObject> parts) {
    if (parts.stream().allMatch(ContentParts::isText)) {
      List<String> texts = parts.stream().map(part -> part.getString("text")).toList();
      return String.join("\n\n", texts);
    }
    return new JsonArray(new ArrayList<>(parts));
  }

  private static List<JsonObject> text(String text) {
    return text.isBlank() ? List.of() : List.of(new JsonObject().put("type", "text").put("text", text));
  }

  private static List<JsonObject> image(JsonObject block, String path, Warnings warnings) {
    String sourcePath = path + ".source";
    JsonObject source = requiredSource(block, sourcePath);
    String url = switch (Fields.type(source, sourcePath)) {
      case "base64" -> dataUrl(Fields.requiredString(source, "media_type", sourcePath + ".media_type"),
          Fields.requiredString(source, "data", sourcePath + ".data"));
      case "url" -> Fields.requiredString(source, "url", sourcePath + ".url");
      default -> null;
    };
    if (url == null) {
      warnings.add("image.unsupported_source_dropped");
      return List.of();
    }
    return List.of(new JsonObject().put("type", "image_url").put("image_url", new JsonObject().put("url", url)));
  }

  private static List<JsonObject> document(JsonObject block, String path, Warnings warnings) {
    String sourcePath = path + ".source";
    JsonObject source = requiredSource(block, sourcePath);
    String title = Fields.string(block, "title", path + ".title");
    switch (Fields.type(source, sourcePath)) {
      case "text" -> {
        String data = Fields.requiredString(source, "data", sourcePath + ".data");
        return text(title == null || title.isBlank() ? data : title + "\n\n" + data);
      }
      case "content" -> {
        return embeddedContent(source, sourcePath, warnings);
      }
      case "base64" -> {
        String mediaType = Fields.requiredString(source, "media_type", sourcePath + ".media_type");
        String data = Fields.requiredString(source, "data", sourcePath + ".data");
        if (!"application/pdf".equals(mediaType)) {
          warnings.add("document.unsupported_source_dropped");
          return List.of();
        }
        JsonObject file = new JsonObject()
            .put("file_data", dataUrl(mediaType, data))
            .put("filename", title == null || title.isBlank() ? "document.pdf" : title);
        return List.of(new JsonObject().put("type", "file").put("file", file));
      }
      default -> {
        warnings.add("document.unsupported_source_dropped");
        return List.of();
      }
    }
  }

  /** A {@code content} document source: a string, or text and image blocks. */
  private static List<JsonObject> embeddedContent(JsonObject source, String sourcePath, Warnings warnings) {
    Object content = source.getValue("content");
    if (content instanceof String text) {
      return text(text);
    }
    if (!(content instanceof JsonArray blocks)) {
      throw Fields.invalid(sourcePath + ".content", "Input should be a valid string or list of content blocks");
    }
    List<JsonObject> parts = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      String blockPath = sourcePath + ".content." + i;
      JsonObject inner = Fields.element(blocks, i, blockPath);
      String type = Fields.type(inner, blockPath);
      if ("text".equals(type) || "image".equals(type)) {
        parts.addAll(of(inner, blockPath, warnings));
      } else {
        warnings.add("content.unsupported_block_dropped");
      }
    }
    return parts;
  }

  private static JsonObject requiredSource(JsonObject block, String sourcePath) {
    JsonObject source = Fields.object(block, "source", sourcePath);
    if (source == null) {
      throw Fields.missing(sourcePath);
    }
    return source;
  }

  private static String dataUrl(String mediaType, String base64) {
    return "data:" + mediaType + ";base64," + base64;
  }
}
