package dev.rolehop.local.sso;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Approves or denies a pending device sign-in on a running rolehop local, as a user does on its
 * verification page: posts the page's form and returns the page's answer.
 */
public final class DeviceApproval {

    private DeviceApproval() {}

    /**
     * Decides the sign-in showing {@code userCode}.
     *
     * @param endpoint the rolehop local, {@code http://127.0.0.1:PORT}
     * @return the page's answer, one line
     * @throws IllegalArgumentException with the page's reason when it refuses (unknown code or user)
     * @throws IOException when rolehop local cannot be reached
     */
    public static String decide(URI endpoint, String userCode, String user, boolean approve)
            throws IOException, InterruptedException {
        String form = "user_code=" + URLEncoder.encode(userCode, StandardCharsets.UTF_8) + "&user="
                + URLEncoder.encode(user == null ? "" : user, StandardCharsets.UTF_8) + "&action="
                + (approve ? "approve" : "deny");
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(DevicePage.PATH))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        String answer = response.body().strip();
        if (response.statusCode() == 400) {
            throw new IllegalArgumentException(answer);
        }
        if (response.statusCode() != 200) {
            throw new IOException(endpoint + " answered HTTP " + response.statusCode()
                    + " (is it a rolehop local with an identity_center?)");
        }
        return answer;
    }
}
