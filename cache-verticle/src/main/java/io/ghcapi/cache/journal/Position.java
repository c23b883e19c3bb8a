package io.ghcapi.cache.journal;

/** Where one journal line lives: the journal generation (file), the byte offset and length without the newline. */
public record Position(long generation, long offset, int length) {
}
