using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CallLogGen.Azure.Query;

/// <summary>
/// A OneAPI error object as the query API sends it: <c>{"code", "message", "details": [...], "innererror": {...}}</c>,
/// both for fatal errors (a 4xx or 5xx body's <c>error</c>) and for the <c>PartialError</c> of a 200 whose result is incomplete.
/// </summary>
public sealed class LogAnalyticsError
{
    /// <summary>The Kusto engine's code for E_QUERY_RESULT_SET_TOO_LARGE (0x80DA0003), as the API writes it in <c>innererror.code</c>.</summary>
    internal const string ResultTooLargeHResult = "-2133196797";

    internal const string ResultTooLargeName = "E_QUERY_RESULT_SET_TOO_LARGE";

    /// <summary>Creates an error; the service's are read with <see cref="FromJson"/>.</summary>
    public LogAnalyticsError(string code, string message, IReadOnlyList<LogAnalyticsError>? details = null, LogAnalyticsError? innerError = null)
    {
        Code = code ?? string.Empty;
        Message = message ?? string.Empty;
        Details = details ?? Array.Empty<LogAnalyticsError>();
        InnerError = innerError;
    }

    /// <summary>The error code: <c>PartialError</c>, <c>BadArgumentError</c>, <c>InsufficientAccessError</c>, ...</summary>
    public string Code { get; }

    /// <summary>The service's message.</summary>
    public string Message { get; }

    /// <summary>The errors this one is made of (a <c>PartialError</c> lists the engine's errors here).</summary>
    public IReadOnlyList<LogAnalyticsError> Details { get; }

    /// <summary>The more specific error inside this one (<c>SyntaxError</c> inside <c>BadArgumentError</c>).</summary>
    public LogAnalyticsError? InnerError { get; }

    /// <summary>
    /// True when this error or any inside it says the result was cut by the service's result limit
    /// (500,000 rows or 64 MB): <c>E_QUERY_RESULT_SET_TOO_LARGE</c> in a code or message, or its engine code <c>-2133196797</c>.
    /// </summary>
    public bool IsResultLimitExceeded =>
        Code == ResultTooLargeHResult
        || Code.IndexOf(ResultTooLargeName, StringComparison.OrdinalIgnoreCase) >= 0
        || Message.IndexOf(ResultTooLargeName, StringComparison.OrdinalIgnoreCase) >= 0
        || (InnerError?.IsResultLimitExceeded ?? false)
        || Any(Details);

    /// <summary>Reads an error object; a string or another shape becomes an error whose message is the JSON text.</summary>
    public static LogAnalyticsError FromJson(JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
        {
            var text = error.ValueKind == JsonValueKind.String ? error.GetString() ?? string.Empty : error.GetRawText();
            return new LogAnalyticsError(text, text);
        }

        string code = string.Empty, message = string.Empty;
        var details = new List<LogAnalyticsError>();
        LogAnalyticsError? inner = null;
        foreach (var property in error.EnumerateObject())
        {
            switch (property.Name)
            {
                case "code":
                    code = Text(property.Value);
                    break;
                case "message":
                    message = Text(property.Value);
                    break;
                case "details" when property.Value.ValueKind == JsonValueKind.Array:
                    foreach (var detail in property.Value.EnumerateArray())
                    {
                        details.Add(FromJson(detail));
                    }

                    break;
                case "innererror" or "innerError":
                    inner = FromJson(property.Value);
                    break;
            }
        }

        return new LogAnalyticsError(code, message, details, inner);
    }

    /// <summary><c>code: message</c>, then the inner error and the details, indented.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, 0);
        return text.ToString();
    }

    private void Append(StringBuilder text, int depth)
    {
        text.Append(' ', depth * 2).Append(Code.Length > 0 ? Code : "(no code)");
        if (Message.Length > 0)
        {
            text.Append(": ").Append(Message);
        }

        if (depth > 8)
        {
            return; // the service nests a few levels; a deeper chain is not worth printing
        }

        if (InnerError is not null)
        {
            text.Append('\n');
            InnerError.Append(text, depth + 1);
        }

        foreach (var detail in Details)
        {
            text.Append('\n');
            detail.Append(text, depth + 1);
        }
    }

    private static bool Any(IReadOnlyList<LogAnalyticsError> errors)
    {
        foreach (var error in errors)
        {
            if (error.IsResultLimitExceeded)
            {
                return true;
            }
        }

        return false;
    }

    // Codes arrive as strings, and the engine's as numbers in some responses.
    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null => string.Empty,
        _ => value.GetRawText(),
    };
}
