using System.Collections.Concurrent;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CallLogGen.Azure.Tests.Storage;

/// <summary>Records every request the storage client sends: listings with their prefix and delimiter, downloads with their range.</summary>
public sealed class CountingPolicy : HttpPipelineSynchronousPolicy
{
    public ConcurrentQueue<(string? Prefix, string? Delimiter)> Listings { get; } = new();

    public ConcurrentQueue<string> Downloads { get; } = new();

    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var query = HttpUtility.ParseQueryString(uri.Query);
        if (message.Request.Method == RequestMethod.Get && query["comp"] == "list" && query["restype"] == "container")
        {
            Listings.Enqueue((query["prefix"], query["delimiter"]));
        }
        else if (message.Request.Method == RequestMethod.Get && query["comp"] is null && query["restype"] is null)
        {
            Downloads.Enqueue(Uri.UnescapeDataString(uri.AbsolutePath));
        }
    }
}
