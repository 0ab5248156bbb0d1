using System;
using System.Globalization;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// One blob of an archive, as listed: where it is, the folder time its path names, and what the listing said
/// about its size and version.
/// </summary>
public sealed class ArchiveBlob
{
    internal ArchiveBlob(string container, string name, string resourcePath, DateTimeOffset folderTime, int sequence, long length, string? eTag, DateTimeOffset? createdOn, bool isAppendBlob)
    {
        Container = container;
        Name = name;
        ResourcePath = resourcePath;
        FolderTime = folderTime;
        Sequence = sequence;
        Length = length;
        ETag = NormalizeETag(eTag);
        CreatedOn = createdOn;
        IsAppendBlob = isAppendBlob;
    }

    /// <summary>The container: <c>insights-logs-&lt;category&gt;</c> or <c>am-&lt;table&gt;</c>.</summary>
    public string Container { get; }

    /// <summary>The blob's full name (its path in the container).</summary>
    public string Name { get; }

    /// <summary>The part of the path before the date folders: <c>resourceId=/SUBSCRIPTIONS/.../NAME</c>.</summary>
    public string ResourcePath { get; }

    /// <summary>The UTC time the path's <c>y=/m=/d=/h=/m=</c> folders name: the hour (or five minutes) the blob collects.</summary>
    public DateTimeOffset FolderTime { get; }

    /// <summary>The blob's number within its folder: 0 for <c>PT1H.json</c> and <c>PT05M.json</c>, n for <c>PT05M_n.json</c>.</summary>
    public int Sequence { get; }

    /// <summary>The blob's length when it was listed.</summary>
    public long Length { get; }

    /// <summary>The blob's ETag when it was listed.</summary>
    public string? ETag { get; }

    /// <summary>When the blob was created, as listed.</summary>
    public DateTimeOffset? CreatedOn { get; }

    /// <summary>Whether it is an append blob (one that grows while its folder is open), as Azure writes them.</summary>
    public bool IsAppendBlob { get; }

    /// <inheritdoc/>
    public override string ToString() => Container + "/" + Name;

    /// <summary>An ETag as one string whichever way it came: listings give it bare, download headers quoted.</summary>
    internal static string? NormalizeETag(string? eTag) => eTag?.Trim('"');

    /// <summary>
    /// Reads the folder time and the rest of an archive blob's name; false for a name outside the layout
    /// (another file in the container), which readers leave alone.
    /// </summary>
    internal static bool TryParseName(string name, out string resourcePath, out DateTimeOffset folderTime, out int sequence)
    {
        resourcePath = string.Empty;
        folderTime = default;
        sequence = 0;
        var dateStart = name.IndexOf("/y=", StringComparison.Ordinal);
        if (dateStart <= 0)
        {
            return false;
        }

        // y=YYYY/m=MM/d=DD/h=HH/m=MM/ then the file name (sometimes after more folders, such as macAddress=...).
        const string Shape = "/y=0000/m=00/d=00/h=00/m=00/";
        if (name.Length <= dateStart + Shape.Length)
        {
            return false;
        }

        for (var i = 0; i < Shape.Length; i++)
        {
            var expected = Shape[i];
            var actual = name[dateStart + i];
            if (expected == '0' ? actual is < '0' or > '9' : actual != expected)
            {
                return false;
            }
        }

        int Number(int at, int length) => int.Parse(name.Substring(dateStart + at, length), NumberStyles.None, CultureInfo.InvariantCulture);
        var year = Number(3, 4);
        var month = Number(10, 2);
        var day = Number(15, 2);
        var hour = Number(20, 2);
        var minute = Number(25, 2);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59)
        {
            return false;
        }

        resourcePath = name.Substring(0, dateStart);
        folderTime = new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
        sequence = SequenceOf(name);
        return true;
    }

    /// <summary><c>PT05M_12.json</c> is 12; a name without <c>_n</c> before its extension is 0.</summary>
    private static int SequenceOf(string name)
    {
        var fileStart = name.LastIndexOf('/') + 1;
        var dot = name.LastIndexOf('.');
        var underscore = name.LastIndexOf('_');
        if (underscore < fileStart || dot < underscore)
        {
            return 0;
        }

        return int.TryParse(name.Substring(underscore + 1, dot - underscore - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;
    }

    /// <summary>
    /// The documented order of blobs, and so of records: by folder time, then container, then resource, then the
    /// rest of the name with <c>PT05M_2.json</c> before <c>PT05M_10.json</c>.
    /// </summary>
    internal static int Compare(ArchiveBlob? x, ArchiveBlob? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var order = x.FolderTime.CompareTo(y.FolderTime);
        if (order == 0)
        {
            order = string.CompareOrdinal(x.Container, y.Container);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(x.ResourcePath, y.ResourcePath);
        }

        if (order == 0)
        {
            order = x.Sequence.CompareTo(y.Sequence);
        }

        return order == 0 ? string.CompareOrdinal(x.Name, y.Name) : order;
    }
}
