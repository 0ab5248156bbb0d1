using System;
using Azure.Core;

namespace CallLogGen.Azure.Query;

/// <summary>
/// What the pipeline retries: 429 (too many queries, or one queued too long) and 503, after the service's
/// <c>Retry-After</c>, and connection failures. Never 504 or a client-side timeout: the query already ran for its
/// whole server timeout, and running it again would multiply a wait of up to ten minutes.
/// </summary>
internal sealed class QueryResponseClassifier : ResponseClassifier
{
    public override bool IsRetriableResponse(HttpMessage message) => message.Response.Status is 429 or 503;

    public override bool IsRetriable(HttpMessage message, Exception exception) =>
        exception is not OperationCanceledException && IsRetriableException(exception);
}
