using System;
using Azure;

namespace CallLogGen.Azure.Query;

/// <summary>
/// The query API refused or failed a query: a 4xx or 5xx with a OneAPI error (<see cref="Error"/> holds its
/// code, message, inner error and details), or a 504 when the query ran past its server timeout.
/// <see cref="RequestFailedException.Status"/> is the HTTP status and <see cref="RequestFailedException.ErrorCode"/> the error's code.
/// </summary>
public class LogAnalyticsQueryException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    public LogAnalyticsQueryException(int status, LogAnalyticsError error, string message, Exception? innerException = null)
        : base(status, message, (error ?? throw new ArgumentNullException(nameof(error))).Code, innerException)
    {
        Error = error;
    }

    /// <summary>The service's error object.</summary>
    public LogAnalyticsError Error { get; }
}

/// <summary>
/// A 200 whose result is incomplete: the service added a <c>PartialError</c> (<see cref="LogAnalyticsQueryException.Error"/>)
/// to the rows it did return. Thrown by the buffered queries unless <see cref="LogAnalyticsQueryOptions.AllowPartialResults"/>
/// is set, and at the end of a streamed query, after the rows that did arrive, so that a partial stream is never
/// taken for a whole one.
/// </summary>
public sealed class LogAnalyticsPartialResultException : LogAnalyticsQueryException
{
    /// <summary>Creates the exception.</summary>
    public LogAnalyticsPartialResultException(LogAnalyticsError error, long rowsReturned, string message)
        : base(200, error, message)
    {
        RowsReturned = rowsReturned;
    }

    /// <summary>How many rows the response did carry (a streamed query has handed them out already).</summary>
    public long RowsReturned { get; }

    /// <summary>True when the result was cut by the service's result limit (500,000 rows or 64 MB).</summary>
    public bool IsResultLimitExceeded => Error.IsResultLimitExceeded;
}
