package dev.rolehop.local.policy;

import java.util.List;
import java.util.Map;

/** Writes a policy document back as IAM's JSON (what GetRole's AssumeRolePolicyDocument carries). */
public final class PolicyJson {

    private PolicyJson() {}

    /** The document as compact JSON with Version 2012-10-17. */
    public static String write(PolicyDocument document) {
        StringBuilder out = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < document.statements().size(); i++) {
            Statement s = document.statements().get(i);
            out.append(i == 0 ? "{" : ",{");
            if (s.sid() != null) {
                out.append("\"Sid\":").append(string(s.sid())).append(',');
            }
            out.append("\"Effect\":\"")
                    .append(s.effect() == Effect.ALLOW ? "Allow" : "Deny")
                    .append('"');
            if (!s.principals().isEmpty()) {
                out.append(",\"Principal\":{");
                boolean first = true;
                for (Map.Entry<String, List<String>> p : s.principals().entrySet()) {
                    out.append(first ? "" : ",")
                            .append(string(p.getKey()))
                            .append(':')
                            .append(list(p.getValue()));
                    first = false;
                }
                out.append('}');
            }
            field(out, "Action", s.actions());
            field(out, "NotAction", s.notActions());
            field(out, "Resource", s.resources());
            field(out, "NotResource", s.notResources());
            if (!s.conditions().isEmpty()) {
                out.append(",\"Condition\":{");
                for (int c = 0; c < s.conditions().size(); c++) {
                    Condition cond = s.conditions().get(c);
                    String op = cond.operator().iamName() + (cond.ifExists() ? "IfExists" : "");
                    out.append(c == 0 ? "" : ",")
                            .append(string(op))
                            .append(":{")
                            .append(string(cond.key()))
                            .append(':')
                            .append(list(cond.values()))
                            .append('}');
                }
                out.append('}');
            }
            out.append('}');
        }
        return out.append("]}").toString();
    }

    private static void field(StringBuilder out, String name, List<String> values) {
        if (!values.isEmpty()) {
            out.append(",\"").append(name).append("\":").append(list(values));
        }
    }

    private static String list(List<String> values) {
        if (values.size() == 1) {
            return string(values.get(0));
        }
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
