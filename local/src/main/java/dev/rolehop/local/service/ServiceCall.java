package dev.rolehop.local.service;

import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.wire.QueryParams;
import java.time.Instant;

/** One authenticated API call: the action, its parameters, who calls, where and when. */
public record ServiceCall(
        String action, QueryParams params, Caller caller, String region, String requestId, Instant now) {}
