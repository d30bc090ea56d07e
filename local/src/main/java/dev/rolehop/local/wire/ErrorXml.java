package dev.rolehop.local.wire;

/** Writes AWS's error envelopes: EC2's {@code <Response><Errors>} and STS/IAM's {@code <ErrorResponse>}. */
public final class ErrorXml {

    private ErrorXml() {}

    /** EC2's envelope. */
    public static String ec2(AwsException e, String requestId) {
        return new XmlWriter()
                .open("Response")
                .open("Errors")
                .open("Error")
                .element("Code", e.error().code())
                .element("Message", e.getMessage())
                .close("Error")
                .close("Errors")
                .element("RequestID", requestId)
                .close("Response")
                .toString();
    }

    /** The query-protocol envelope of STS and IAM, with the service's namespace. */
    public static String query(AwsException e, String requestId, String namespace) {
        XmlWriter xml = namespace == null
                ? new XmlWriter().open("ErrorResponse")
                : new XmlWriter().open("ErrorResponse", namespace);
        return xml.open("Error")
                .element("Type", e.error().isSender() ? "Sender" : "Receiver")
                .element("Code", e.error().code())
                .element("Message", e.getMessage())
                .close("Error")
                .element("RequestId", requestId)
                .close("ErrorResponse")
                .toString();
    }
}
