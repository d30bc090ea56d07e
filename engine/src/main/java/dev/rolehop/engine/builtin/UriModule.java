package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.output.PyJson;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.yaml.YamlLoader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code uri}: makes an HTTP request and returns status, headers and (optionally) the content and parsed JSON. */
public final class UriModule implements Module {

    @Override
    public String name() {
        return "ansible.builtin.uri";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("uri", "ansible.legacy.uri");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                Argument.of("url", ArgumentType.STR).asRequired(),
                Argument.of("method", ArgumentType.STR).withDefault("GET"),
                Argument.of("body", ArgumentType.RAW),
                Argument.of("body_format", ArgumentType.STR)
                        .withDefault("raw")
                        .withChoices("form-urlencoded", "json", "raw"),
                Argument.of("headers", ArgumentType.DICT),
                Argument.of("status_code", ArgumentType.LIST)
                        .withElements(ArgumentType.INT)
                        .withDefault(List.of(200L)),
                Argument.of("return_content", ArgumentType.BOOL).withDefault(false),
                Argument.of("timeout", ArgumentType.INT).withDefault(30L),
                Argument.of("validate_certs", ArgumentType.BOOL).withDefault(true),
                Argument.of("follow_redirects", ArgumentType.STR).withDefault("safe"));
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext context) {
        String url = args.string("url").orElseThrow();
        if (context.checkMode()) {
            return ModuleResult.ok(Map.of("msg", "This module does not support check mode", "skipped", true));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(args.integer("timeout").orElse(30L)));
        args.dict("headers").forEach((k, v) -> request.header(k, PythonText.str(v)));
        String body = body(args, request);
        String method = args.string("method").orElse("GET").toUpperCase();
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(
                        "none".equals(args.string("follow_redirects").orElse("safe"))
                                ? HttpClient.Redirect.NEVER
                                : HttpClient.Redirect.NORMAL)
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ModuleFailure(
                    "Status code was -1 and not " + PythonText.str(args.list("status_code")) + ": Request failed: "
                            + e.getMessage(),
                    Map.of("status", -1L, "url", url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleFailure("interrupted");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> values.put(k.toLowerCase().replace('-', '_'), String.join(", ", v)));
        values.put("status", (long) response.statusCode());
        values.put("url", response.uri().toString());
        values.put("redirected", !response.uri().toString().equals(url));
        values.put("elapsed", (System.nanoTime() - start) / 1_000_000_000L);
        values.put("cookies", Map.of());
        values.put("cookies_string", "");
        String content = response.body();
        if (args.bool("return_content")) {
            values.put("content", content);
        }
        if (response.headers().firstValue("content-type").orElse("").contains("json") && !content.isEmpty()) {
            try {
                values.put("json", YamlLoader.load(content, url));
            } catch (RuntimeException e) {
                // Not valid JSON despite its content type: Ansible leaves json out as well.
            }
        }
        List<Long> accepted = new ArrayList<>();
        args.list("status_code").forEach(code -> accepted.add(((Number) code).longValue()));
        if (!accepted.contains((long) response.statusCode())) {
            values.put(
                    "msg",
                    "Status code was " + response.statusCode() + " and not " + PythonText.str(accepted)
                            + ": HTTP Error " + response.statusCode());
            values.put("failed", true);
            return new ModuleResult(false, true, null, values, null);
        }
        values.put("msg", "OK (" + content.getBytes(StandardCharsets.UTF_8).length + " bytes)");
        return ModuleResult.ok(values);
    }

    private static String body(ModuleArgs args, HttpRequest.Builder request) {
        Object body = args.get("body");
        if (body == null) {
            return null;
        }
        switch (args.string("body_format").orElse("raw")) {
            case "json" -> {
                request.header("Content-Type", "application/json");
                return body instanceof String s ? s : PyJson.plain(body);
            }
            case "form-urlencoded" -> {
                request.header("Content-Type", "application/x-www-form-urlencoded");
                if (body instanceof Map<?, ?> map) {
                    List<String> pairs = new ArrayList<>();
                    map.forEach((k, v) -> pairs.add(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(PythonText.str(v), StandardCharsets.UTF_8)));
                    return String.join("&", pairs);
                }
                return PythonText.str(body);
            }
            default -> {
                return PythonText.str(body);
            }
        }
    }
}
