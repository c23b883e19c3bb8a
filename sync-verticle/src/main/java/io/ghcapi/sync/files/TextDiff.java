package io.ghcapi.sync.files;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence, after the common head and tail are set aside). Above a size
 * bound the middle is shown as all removed then all added, rather than spending unbounded memory.
 */
public final class TextDiff {

  /** One line of the diff: {@code kind} is ' ' (both), '-' (only in {@code before}) or '+' (only in {@code after}). */
  public record Op(char kind, int beforeIndex, int afterIndex) {
  }

  static final long MAX_CELLS = 4_000_000;

  private TextDiff() {
  }

  public static List<Op> diff(List<String> before, List<String> after) {
    int head = 0;
    while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < before.size() - head && tail < after.size() - head
        && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
      tail++;
    }
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < head; i++) {
      ops.add(new Op(' ', i, i));
    }
    middle(before.subList(head, before.size() - tail), after.subList(head, after.size() - tail), head, ops);
    for (int i = tail; i > 0; i--) {
      ops.add(new Op(' ', before.size() - i, after.size() - i));
    }
    return ops;
  }

  private static void middle(List<String> a, List<String> b, int offset, List<Op> ops) {
    int n = a.size();
    int m = b.size();
    if ((long) n * m > MAX_CELLS) {
      for (int i = 0; i < n; i++) {
        ops.add(new Op('-', offset + i, -1));
      }
      for (int j = 0; j < m; j++) {
        ops.add(new Op('+', -1, offset + j));
      }
      return;
    }
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new Op(' ', offset + i++, offset + j++));
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new Op('-', offset + i++, -1));
      } else {
        ops.add(new Op('+', -1, offset + j++));
      }
    }
  }
}
