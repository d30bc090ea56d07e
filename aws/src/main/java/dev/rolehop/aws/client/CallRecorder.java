package dev.rolehop.aws.client;

import java.util.Locale;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every HTTP attempt of every AWS call in the {@link CallLog} the request carries. One
 * interceptor serves all clients: clients are shared across tasks, so each request names the
 * log of the task that sent it.
 */
final class CallRecorder implements ExecutionInterceptor {

    /** The request attribute naming the task's call log. */
    static final ExecutionAttribute<CallLog> LOG = new ExecutionAttribute<>("rolehop.CallLog");

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        CallLog log = attributes.getAttribute(LOG);
        if (log != null) {
            String service =
                    attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME).toLowerCase(Locale.ROOT);
            var request = context.httpRequest();
            log.attempt(
                    service,
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    request.protocol() + "://" + request.host() + ":" + request.port());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        finish(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        finish(attributes);
    }

    private static void finish(ExecutionAttributes attributes) {
        CallLog log = attributes.getAttribute(LOG);
        if (log != null) {
            log.finished();
        }
    }
}
