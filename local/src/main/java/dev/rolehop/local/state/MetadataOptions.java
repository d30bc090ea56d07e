package dev.rolehop.local.state;

/**
 * An instance's metadata service options, as RunInstances and ModifyInstanceMetadataOptions set them.
 *
 * @param httpTokens {@code optional} or {@code required}
 * @param httpEndpoint {@code enabled} or {@code disabled}
 */
public record MetadataOptions(
        String httpTokens,
        int httpPutResponseHopLimit,
        String httpEndpoint,
        String httpProtocolIpv6,
        String instanceMetadataTags) {}
