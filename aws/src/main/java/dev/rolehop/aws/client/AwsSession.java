package dev.rolehop.aws.client;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.engine.module.ModuleContext;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One task's view of AWS: the shared clients for its connection settings, and its own log of
 * the calls it makes. Every request a module sends carries {@link #tag()} so that the call is
 * recorded against this task.
 */
public final class AwsSession {

    private final AwsClients clients;
    private final ConnectionSettings settings;
    private final String moduleName;
    private final CallLog log;
    private final ModuleContext context;
    private final AwsRequestOverrideConfiguration tag;

    public AwsSession(
            AwsClients clients, ConnectionSettings settings, String moduleName, CallLog log, ModuleContext context) {
        this.clients = clients;
        this.context = context;
        this.settings = settings;
        this.moduleName = moduleName;
        this.log = log;
        this.tag = AwsRequestOverrideConfiguration.builder()
                .putExecutionAttribute(CallRecorder.LOG, log)
                .build();
    }

    public Ec2Client ec2() {
        return clients.ec2(settings, moduleName, context);
    }

    public StsClient sts() {
        return clients.sts(settings, context);
    }

    public IamClient iam() {
        return clients.iam(settings, context);
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public CallLog log() {
        return log;
    }

    /** The request configuration that records a call against this task; pass it to every request. */
    public AwsRequestOverrideConfiguration tag() {
        return tag;
    }

    /**
     * Makes one call, turning an AWS error into the task's failure.
     *
     * @param service   {@code sts}, {@code iam} or {@code ec2}, for the message when AWS cannot be reached
     * @param operation the operation name as AWS spells it, for the message
     * @param prefix    what the module was doing, or {@code null}
     */
    public <T> T call(String service, String operation, String prefix, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            throw failure(prefix, operation, e);
        } catch (SdkClientException e) {
            CredentialException credentials = credentialCause(e);
            if (credentials != null) {
                throw new dev.rolehop.engine.module.ModuleFailure(credentials.getMessage());
            }
            URI endpoint = clients.endpoint(service, settings, context);
            throw AwsFailures.of(
                    prefix, e, endpoint == null ? service + " in " + settings.region() : endpoint.toString());
        }
    }

    /** The credential problem behind an SDK error (the SDK wraps what a provider throws), or {@code null}. */
    private static CredentialException credentialCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CredentialException credentials) {
                return credentials;
            }
        }
        return null;
    }

    /** The failure for an AWS error a module caught to inspect first. */
    public dev.rolehop.engine.module.ModuleFailure failure(String prefix, String operation, AwsServiceException e) {
        return AwsFailures.of(prefix, operation, e, log.lastRetries());
    }
}
