using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using CallLogGen.Json;
using CallLogGen.Kql;

namespace CallLogGen.Azure.Query;

/// <summary>
/// Reads query API response bodies, <c>{"tables":[...], "error"?, "statistics"?}</c>: buffered into a
/// <see cref="LogAnalyticsQueryResult{TRow}"/>, or streamed row by row. The client uses these; they also read a response
/// that came another way (a cache, a proxy, a file). Rows are typed by the runtime's readers: columns bound by name,
/// a missing optional column left null, a missing required one an error naming it, <c>dynamic</c> as JSON or as a
/// JSON string.
/// </summary>
public static class LogAnalyticsResponse
{
    /// <summary>Bytes of rows read per batch when streaming.</summary>
    internal const int BatchBytes = 128 * 1024;

    private const int ReadBufferBytes = 64 * 1024;

    /// <summary>Reads a whole response body into records of a model.</summary>
    /// <exception cref="LogJsonException">The body is not a query result, or a row does not fit the model.</exception>
    public static LogAnalyticsQueryResult<T> Read<T>(LogRecordJson<T> model, ReadOnlySpan<byte> body, LogReadOptions? options = null)
        where T : class
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        var scanner = Scan(body, options);
        var rows = scanner.HasTable ? model.ReadQueryResult(body, tableName: null, options) : new List<T>();
        return new LogAnalyticsQueryResult<T>(rows, Array.Empty<KqlResultColumn>(), StatusOf(scanner.Error), scanner.Error, scanner.Statistics, Array.Empty<LogAnalyticsQueryWindow>());
    }

    /// <summary>Reads a whole response body into rows typed by the query's columns (<c>row.Get(failures)</c>).</summary>
    /// <exception cref="LogJsonException">The body is not a query result, lacks a column of the query, or has a cell of the wrong type.</exception>
    public static LogAnalyticsQueryResult<KqlResultRow> Read(IKqlQuery query, ReadOnlySpan<byte> body, LogReadOptions? options = null)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var scanner = Scan(body, options);
        if (!scanner.HasTable)
        {
            return new LogAnalyticsQueryResult<KqlResultRow>(Array.Empty<KqlResultRow>(), Array.Empty<KqlResultColumn>(), StatusOf(scanner.Error), scanner.Error, scanner.Statistics, Array.Empty<LogAnalyticsQueryWindow>());
        }

        var table = KqlResultTable.Read(query, body, options);
        return new LogAnalyticsQueryResult<KqlResultRow>(table, table.Columns, StatusOf(scanner.Error), scanner.Error, scanner.Statistics, Array.Empty<LogAnalyticsQueryWindow>());
    }

    /// <summary>
    /// Streams a response's rows into records of a model as they arrive: memory stays bounded by a batch of rows,
    /// however large the response. When the response carries a <c>PartialError</c> (before or after its rows), the
    /// enumeration ends, after every row that did arrive, with <see cref="LogAnalyticsPartialResultException"/>.
    /// </summary>
    public static IAsyncEnumerable<T> ReadRowsAsync<T>(LogRecordJson<T> model, Stream body, LogReadOptions? options = null, CancellationToken cancellationToken = default)
        where T : class
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        return ReadRowsAsync(body, document => model.ReadQueryResult(document, tableName: null, options), options, cancellationToken);
    }

    /// <summary>Streams a response's rows typed by the query's columns; see <see cref="ReadRowsAsync{T}(LogRecordJson{T}, Stream, LogReadOptions?, CancellationToken)"/>.</summary>
    public static IAsyncEnumerable<KqlResultRow> ReadRowsAsync(IKqlQuery query, Stream body, LogReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        return ReadRowsAsync(body, document => KqlResultTable.Read(query, document, options), options, cancellationToken);
    }

    internal static LogAnalyticsQueryStatus StatusOf(LogAnalyticsError? error) => error is null ? LogAnalyticsQueryStatus.Success : LogAnalyticsQueryStatus.PartialFailure;

    internal static async IAsyncEnumerable<TRow> ReadRowsAsync<TRow>(Stream body, RowBatchReader<TRow> readBatch, LogReadOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (body is null)
        {
            throw new ArgumentNullException(nameof(body));
        }

        var batch = new RowBatch(BatchBytes);
        var scanner = new ResponseScanner(batch, (options ?? LogReadOptions.Default).MaxDepth);
        var buffer = new byte[ReadBufferBytes];
        int start = 0, end = 0;
        var isFinal = false;
        long delivered = 0;
        while (true)
        {
            start += scanner.Scan(new ReadOnlySpan<byte>(buffer, start, end - start), isFinal);
            if (batch.Count > 0)
            {
                foreach (var row in batch.Read(readBatch))
                {
                    delivered++;
                    yield return row;
                }

                continue; // the batch may have filled before the data ran out: scan on before reading more
            }

            if (scanner.IsComplete)
            {
                break;
            }

            // Make room and read more: keep the unconsumed tail, grow when one value fills the buffer.
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await body.ReadAsync(buffer, end, buffer.Length - end, cancellationToken).ConfigureAwait(false);
            isFinal = read == 0;
            end += read;
        }

        if (scanner.Error is { } error)
        {
            throw new LogAnalyticsPartialResultException(error, delivered, PartialMessage(error, delivered, streamed: true));
        }
    }

    internal static string PartialMessage(LogAnalyticsError error, long rows, bool streamed)
    {
        var what = error.IsResultLimitExceeded
            ? "the service cut the result at its limit (500,000 rows or 64 MB of compressed data)"
            : "the service reported an error with the result";
        var rest = streamed
            ? $"; the {rows} rows handed out are not the whole result."
            : $"; the {rows} rows it returned are not the whole result.";
        return "The query's result is incomplete: " + what + rest + (error.IsResultLimitExceeded && streamed
            ? " Narrow the time range, or use QueryAsync, which splits such a query into time windows."
            : string.Empty) + "\n" + error;
    }

    private static ResponseScanner Scan(ReadOnlySpan<byte> body, LogReadOptions? options)
    {
        var scanner = new ResponseScanner(rows: null, (options ?? LogReadOptions.Default).MaxDepth);
        scanner.Scan(body, isFinal: true);
        return scanner;
    }
}
