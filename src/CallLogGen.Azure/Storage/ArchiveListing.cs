using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// Lists the blobs of a time range by path prefix, never a whole container: each resource's blobs are listed
/// under <c>&lt;resource&gt;/y=YYYY/m=MM/d=DD/</c> for a whole day in the range, or <c>.../h=HH/</c> for the hours
/// of a day the range only touches. Without a resource id, the resources are found first by walking the path
/// hierarchy (one delimited listing per folder level) down to the folders that hold <c>y=</c>.
/// </summary>
internal sealed class ArchiveListing
{
    private const string Delimiter = "/";
    private readonly BlobServiceClient _account;
    private readonly ArchiveLayout _layout;
    private readonly IReadOnlyList<string> _containers;
    private readonly string? _resourceId;
    private readonly Dictionary<string, List<string>> _resources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _missingContainers = new(StringComparer.Ordinal);

    public ArchiveListing(BlobServiceClient account, ArchiveLayout layout, IReadOnlyList<string> containers, string? resourceId)
    {
        _account = account;
        _layout = layout;
        _containers = containers;
        _resourceId = resourceId;
    }

    /// <summary>
    /// The blobs whose folders start from <paramref name="first"/> to <paramref name="last"/> (both folder starts),
    /// a UTC day at a time, each day's blobs in the documented order.
    /// </summary>
    public async IAsyncEnumerable<List<ArchiveBlob>> ListByDayAsync(DateTimeOffset first, DateTimeOffset last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var day = new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero); day <= last; day = day.AddDays(1))
        {
            var blobs = new List<ArchiveBlob>();
            foreach (var containerName in _containers)
            {
                var container = _account.GetBlobContainerClient(containerName);
                foreach (var resource in await ResourcesAsync(container, cancellationToken).ConfigureAwait(false))
                {
                    foreach (var prefix in DatePrefixes(resource, day, first, last))
                    {
                        if (!_missingContainers.Contains(containerName))
                        {
                            await ListAsync(container, prefix, first, last, blobs, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            blobs.Sort(ArchiveBlob.Compare);
            yield return blobs;
        }
    }

    /// <summary>The prefixes of one resource's folders on <paramref name="day"/> within [first, last]: the whole day, or its hours.</summary>
    private IEnumerable<string> DatePrefixes(string resource, DateTimeOffset day, DateTimeOffset first, DateTimeOffset last)
    {
        var dayPrefix = resource + "y=" + day.Year.ToString("D4", CultureInfo.InvariantCulture) + "/m=" + Two(day.Month) + "/d=" + Two(day.Day) + "/";
        var lastFolderOfDay = day.AddDays(1) - _layout.FolderDuration;
        if (first <= day && lastFolderOfDay <= last)
        {
            yield return dayPrefix;
            yield break;
        }

        for (var hour = day; hour < day.AddDays(1); hour = hour.AddHours(1))
        {
            if (hour.AddHours(1) > first && hour <= last)
            {
                yield return dayPrefix + "h=" + Two(hour.Hour) + "/";
            }
        }
    }

    private static string Two(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    private async Task ListAsync(BlobContainerClient container, string prefix, DateTimeOffset first, DateTimeOffset last, List<ArchiveBlob> blobs, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
            {
                if (!ArchiveBlob.TryParseName(item.Name, out var resourcePath, out var folderTime, out var sequence) || folderTime < first || folderTime > last)
                {
                    continue;
                }

                var properties = item.Properties;
                blobs.Add(new ArchiveBlob(
                    container.Name,
                    item.Name,
                    resourcePath,
                    folderTime,
                    sequence,
                    properties.ContentLength ?? 0,
                    properties.ETag?.ToString(),
                    properties.CreatedOn,
                    properties.BlobType == BlobType.Append));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container yet (Azure creates it with the category's first record): not asked again in this read.
            _missingContainers.Add(container.Name);
        }
    }

    /// <summary>The resource prefixes (each ending with '/') under which a container's date folders sit.</summary>
    private async Task<List<string>> ResourcesAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        if (_resources.TryGetValue(container.Name, out var known))
        {
            return known;
        }

        var resources = new List<string>();
        if (_resourceId is not null)
        {
            resources.Add(_layout.ResourcePrefix(_resourceId));
        }
        else
        {
            try
            {
                await FindResourcesAsync(container, _layout.Root + Delimiter, resources, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // No container: no resources.
                _missingContainers.Add(container.Name);
            }

            resources.Sort(StringComparer.Ordinal);
        }

        _resources.Add(container.Name, resources);
        return resources;
    }

    private static async Task FindResourcesAsync(BlobContainerClient container, string prefix, List<string> resources, CancellationToken cancellationToken)
    {
        var children = new List<string>();
        var holdsDates = false;
        await foreach (var item in container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, Delimiter, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (!item.IsPrefix)
            {
                continue;
            }

            // A folder can hold both date folders and a child resource's folders (a server and its databases).
            if (string.CompareOrdinal(item.Prefix, prefix.Length, "y=", 0, 2) == 0)
            {
                holdsDates = true;
            }
            else
            {
                children.Add(item.Prefix);
            }
        }

        if (holdsDates)
        {
            resources.Add(prefix);
        }

        foreach (var child in children)
        {
            await FindResourcesAsync(container, child, resources, cancellationToken).ConfigureAwait(false);
        }
    }
}
