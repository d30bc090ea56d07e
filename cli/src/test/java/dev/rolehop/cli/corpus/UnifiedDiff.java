package dev.rolehop.cli.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the unified diff ({@code diff -u} format, 3 lines of context) between two texts, line by
 * line, from a longest-common-subsequence table; the corpus outputs are a few hundred lines at most.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** One line of the edit script: ' ' kept, '-' only in the expected text, '+' only in the actual. */
    private record Edit(char kind, String line, int expectedLine, int actualLine) {}

    /** Returns the unified diff from {@code expected} to {@code actual}, or "" when they are equal. */
    static String diff(String expectedLabel, String expected, String actualLabel, String actual) {
        if (expected.equals(actual)) {
            return "";
        }
        List<Edit> edits = edits(lines(expected), lines(actual));
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(expectedLabel).append('\n');
        out.append("+++ ").append(actualLabel).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // Extend the hunk while the next change is within two contexts' reach.
            int lastChange = i;
            while (end < edits.size()) {
                if (edits.get(end).kind() != ' ') {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            appendHunk(out, edits.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Edit> hunk) {
        int expectedStart = -1;
        int actualStart = -1;
        int expectedCount = 0;
        int actualCount = 0;
        for (Edit edit : hunk) {
            if (edit.kind() != '+') {
                expectedCount++;
                if (expectedStart < 0) {
                    expectedStart = edit.expectedLine();
                }
            }
            if (edit.kind() != '-') {
                actualCount++;
                if (actualStart < 0) {
                    actualStart = edit.actualLine();
                }
            }
        }
        Edit first = hunk.get(0);
        // diff -u numbers an empty side by the line before it.
        out.append("@@ -")
                .append(range(expectedStart < 0 ? first.expectedLine() : expectedStart, expectedCount))
                .append(" +")
                .append(range(actualStart < 0 ? first.actualLine() : actualStart, actualCount))
                .append(" @@\n");
        for (Edit edit : hunk) {
            out.append(edit.kind()).append(edit.line()).append('\n');
        }
    }

    private static String range(int startLine, int count) {
        if (count == 0) {
            return (startLine - 1) + ",0";
        }
        return count == 1 ? String.valueOf(startLine) : startLine + "," + count;
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                edits.add(new Edit(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (j == b.size() || (i < a.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit('-', a.get(i), i + 1, j + 1));
                i++;
            } else {
                edits.add(new Edit('+', b.get(j), i + 1, j + 1));
                j++;
            }
        }
        return edits;
    }

    /** Splits into lines; a missing final newline shows as diff's "\ No newline" marker line. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        } else {
            lines.add("\\ No newline at end of file");
        }
        return lines;
    }
}
