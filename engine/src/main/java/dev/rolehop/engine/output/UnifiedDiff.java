package dev.rolehop.engine.output;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two line lists in the format of Python's {@code difflib.unified_diff}. */
final class UnifiedDiff {

    private UnifiedDiff() {}

    /** Lines keep their own line endings; headers get {@code --- }/{@code +++ } prefixes. */
    static List<String> diff(List<String> a, List<String> b, String fromFile, String toFile, int context) {
        List<int[]> ops = opcodes(a, b);
        List<String> out = new ArrayList<>();
        if (ops.stream().allMatch(op -> op[0] == 0)) {
            return out;
        }
        out.add("--- " + fromFile + "\n");
        out.add("+++ " + toFile + "\n");
        for (List<int[]> group : groups(ops, context)) {
            int[] first = group.get(0);
            int[] last = group.get(group.size() - 1);
            out.add("@@ -" + range(first[1], last[2]) + " +" + range(first[3], last[4]) + " @@\n");
            for (int[] op : group) {
                if (op[0] == 0) {
                    for (int i = op[1]; i < op[2]; i++) {
                        out.add(" " + a.get(i));
                    }
                } else {
                    for (int i = op[1]; i < op[2]; i++) {
                        out.add("-" + a.get(i));
                    }
                    for (int j = op[3]; j < op[4]; j++) {
                        out.add("+" + b.get(j));
                    }
                }
            }
        }
        return out;
    }

    private static String range(int start, int stop) {
        int beginning = start + 1;
        int length = stop - start;
        if (length == 1) {
            return String.valueOf(beginning);
        }
        if (length == 0) {
            beginning--;
        }
        return beginning + "," + length;
    }

    /** Opcodes {tag(0 equal, 1 change), i1, i2, j1, j2} from a longest common subsequence. */
    private static List<int[]> opcodes(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                int si = i;
                int sj = j;
                while (i < n && j < m && a.get(i).equals(b.get(j))) {
                    i++;
                    j++;
                }
                ops.add(new int[] {0, si, i, sj, j});
            } else {
                int si = i;
                int sj = j;
                while ((i < n || j < m) && !(i < n && j < m && a.get(i).equals(b.get(j)))) {
                    if (j >= m || i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
                        i++;
                    } else {
                        j++;
                    }
                }
                ops.add(new int[] {1, si, i, sj, j});
            }
        }
        return ops;
    }

    /** difflib's {@code get_grouped_opcodes}: hunks with up to {@code n} lines of context. */
    private static List<List<int[]>> groups(List<int[]> ops, int n) {
        List<int[]> codes = new ArrayList<>();
        for (int[] op : ops) {
            codes.add(op.clone());
        }
        if (codes.get(0)[0] == 0) {
            int[] c = codes.get(0);
            c[1] = Math.max(c[1], c[2] - n);
            c[3] = Math.max(c[3], c[4] - n);
        }
        int[] end = codes.get(codes.size() - 1);
        if (end[0] == 0) {
            end[2] = Math.min(end[2], end[1] + n);
            end[4] = Math.min(end[4], end[3] + n);
        }
        List<List<int[]>> groups = new ArrayList<>();
        List<int[]> group = new ArrayList<>();
        for (int[] c : codes) {
            if (c[0] == 0 && c[2] - c[1] > 2 * n) {
                group.add(new int[] {0, c[1], Math.min(c[2], c[1] + n), c[3], Math.min(c[4], c[3] + n)});
                groups.add(group);
                group = new ArrayList<>();
                c = new int[] {0, Math.max(c[1], c[2] - n), c[2], Math.max(c[3], c[4] - n), c[4]};
            }
            group.add(c);
        }
        if (!group.isEmpty() && !(group.size() == 1 && group.get(0)[0] == 0)) {
            groups.add(group);
        }
        return groups;
    }
}
