using System;
using System.Collections.Generic;
using System.Text.Json;

namespace CallLogGen.Azure.Storage;

/// <summary>
/// Where an archive read stopped, for the next read to go on from: a watermark (blobs of folders before it were read
/// to their end and no longer grow) and, for each blob of the still-open window, how much of it was read. A read
/// updates the checkpoint it is given as it hands each record out, so whatever was handed out when the checkpoint
/// is saved is never handed out again, and nothing after it is lost. Store it as JSON
/// (<see cref="ToUtf8Json"/>, <see cref="Parse(ReadOnlySpan{byte})"/>); use one checkpoint per range query
/// (the same containers, resource and time range).
/// </summary>
public sealed class ArchiveCheckpoint
{
    private const int FormatVersion = 1;
    private readonly Dictionary<string, ArchiveBlobCheckpoint> _blobs = new(StringComparer.Ordinal);

    /// <summary>Blobs of folders before this time were read to their end and are closed; null before the first read.</summary>
    public DateTimeOffset? Watermark { get; internal set; }

    /// <summary>The blobs of the open window that were read, wholly or in part.</summary>
    public IReadOnlyCollection<ArchiveBlobCheckpoint> Blobs => _blobs.Values;

    /// <summary>The checkpoint as UTF-8 JSON.</summary>
    public byte[] ToUtf8Json()
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes the checkpoint as one JSON object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WriteStartObject();
        writer.WriteNumber("version", FormatVersion);
        if (Watermark is { } watermark)
        {
            writer.WriteString("watermark", watermark);
        }

        writer.WriteStartArray("blobs");
        var blobs = new List<ArchiveBlobCheckpoint>(_blobs.Values);
        blobs.Sort((x, y) => string.CompareOrdinal(x.Key, y.Key));
        foreach (var blob in blobs)
        {
            writer.WriteStartObject();
            writer.WriteString("container", blob.Container);
            writer.WriteString("name", blob.Name);
            if (blob.ETag is not null)
            {
                writer.WriteString("etag", blob.ETag);
            }

            if (blob.CreatedOn is { } createdOn)
            {
                writer.WriteString("createdOn", createdOn);
            }

            writer.WriteNumber("length", blob.Length);
            writer.WriteNumber("lines", blob.Lines);
            writer.WriteNumber("recordsPastLength", blob.RecordsPastLength);
            writer.WriteNumber("records", blob.RecordsRead);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads a checkpoint written by <see cref="WriteTo"/>.</summary>
    /// <exception cref="FormatException">The JSON is not a checkpoint.</exception>
    public static ArchiveCheckpoint Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            return Read(ref reader);
        }
        catch (JsonException e)
        {
            throw new FormatException("Not a checkpoint: " + e.Message, e);
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException("Not a checkpoint: " + e.Message, e);
        }
    }

    /// <summary>Reads a checkpoint from a string; see <see cref="Parse(ReadOnlySpan{byte})"/>.</summary>
    public static ArchiveCheckpoint Parse(string json)
        => Parse(System.Text.Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))));

    private static ArchiveCheckpoint Read(ref Utf8JsonReader reader)
    {
        var checkpoint = new ArchiveCheckpoint();
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "version":
                    if (reader.GetInt32() != FormatVersion)
                    {
                        throw new FormatException("Unknown checkpoint version " + reader.GetInt32() + "; this reader writes version " + FormatVersion + ".");
                    }

                    break;
                case "watermark":
                    checkpoint.Watermark = reader.GetDateTimeOffset();
                    break;
                case "blobs":
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new FormatException("Not a checkpoint: 'blobs' is not an array.");
                    }

                    while (Next(ref reader) == JsonTokenType.StartObject)
                    {
                        var blob = ReadBlob(ref reader);
                        checkpoint._blobs[blob.Key] = blob;
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return checkpoint;
    }

    private static ArchiveBlobCheckpoint ReadBlob(ref Utf8JsonReader reader)
    {
        string? container = null, name = null, eTag = null;
        DateTimeOffset? createdOn = null;
        long length = 0, lines = 0, records = 0;
        var recordsPastLength = 0;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var field = reader.GetString();
            reader.Read();
            switch (field)
            {
                case "container": container = reader.GetString(); break;
                case "name": name = reader.GetString(); break;
                case "etag": eTag = reader.GetString(); break;
                case "createdOn": createdOn = reader.GetDateTimeOffset(); break;
                case "length": length = reader.GetInt64(); break;
                case "lines": lines = reader.GetInt64(); break;
                case "recordsPastLength": recordsPastLength = reader.GetInt32(); break;
                case "records": records = reader.GetInt64(); break;
                default: reader.Skip(); break;
            }
        }

        if (container is null || name is null || !ArchiveBlob.TryParseName(name, out _, out var folderTime, out _) || length < 0 || lines < 0 || recordsPastLength < 0 || records < 0)
        {
            throw new FormatException("Not a checkpoint: a blob entry lacks its container or an archive blob name, or has a negative count.");
        }

        return new ArchiveBlobCheckpoint(container, name, folderTime)
        {
            ETag = eTag,
            CreatedOn = createdOn,
            Length = length,
            Lines = lines,
            RecordsPastLength = recordsPastLength,
            RecordsRead = records,
        };
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new FormatException("Not a checkpoint: expected " + type + ", found " + reader.TokenType + ".");
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
        => reader.Read() ? reader.TokenType : throw new FormatException("Not a checkpoint: the JSON ends early.");

    internal ArchiveBlobCheckpoint? Find(ArchiveBlob blob) => _blobs.TryGetValue(ArchiveBlobCheckpoint.KeyOf(blob.Container, blob.Name), out var entry) ? entry : null;

    internal ArchiveBlobCheckpoint GetOrAdd(ArchiveBlob blob)
    {
        var key = ArchiveBlobCheckpoint.KeyOf(blob.Container, blob.Name);
        if (!_blobs.TryGetValue(key, out var entry))
        {
            entry = new ArchiveBlobCheckpoint(blob.Container, blob.Name, blob.FolderTime);
            _blobs.Add(key, entry);
        }

        return entry;
    }

    internal void Remove(ArchiveBlob blob) => _blobs.Remove(ArchiveBlobCheckpoint.KeyOf(blob.Container, blob.Name));

    /// <summary>Moves the watermark on (never back) and forgets the blobs before it.</summary>
    internal void AdvanceWatermark(DateTimeOffset watermark)
    {
        if (Watermark is { } current && current >= watermark)
        {
            return;
        }

        Watermark = watermark;
        List<string>? closed = null;
        foreach (var entry in _blobs.Values)
        {
            if (entry.FolderTime < watermark)
            {
                (closed ??= new List<string>()).Add(entry.Key);
            }
        }

        foreach (var key in closed ?? (IEnumerable<string>)Array.Empty<string>())
        {
            _blobs.Remove(key);
        }
    }
}

/// <summary>How much of one blob a read has taken.</summary>
public sealed class ArchiveBlobCheckpoint
{
    internal ArchiveBlobCheckpoint(string container, string name, DateTimeOffset folderTime)
    {
        Container = container;
        Name = name;
        FolderTime = folderTime;
        Key = KeyOf(container, name);
    }

    /// <summary>The blob's container.</summary>
    public string Container { get; }

    /// <summary>The blob's name.</summary>
    public string Name { get; }

    /// <summary>The folder time the blob's path names.</summary>
    public DateTimeOffset FolderTime { get; }

    /// <summary>The blob's ETag when it was last read to its end (nothing new to read while it is unchanged); null while a read of it is unfinished.</summary>
    public string? ETag { get; internal set; }

    /// <summary>When the blob was created, as last read: a blob created again under the same name was rewritten.</summary>
    public DateTimeOffset? CreatedOn { get; internal set; }

    /// <summary>The committed length: bytes read as whole lines (or whole documents); the next read starts here.</summary>
    public long Length { get; internal set; }

    /// <summary>Lines before <see cref="Length"/>, so that positions stay counted from the blob's start.</summary>
    public long Lines { get; internal set; }

    /// <summary>Records already delivered from a <c>{"records":[...]}</c> document that starts at <see cref="Length"/> (it is read again from its start and these are skipped).</summary>
    public int RecordsPastLength { get; internal set; }

    /// <summary>Records read from the blob so far, delivered or not (outside the range, duplicates, problems).</summary>
    public long RecordsRead { get; internal set; }

    internal string Key { get; }

    internal static string KeyOf(string container, string name) => container + "/" + name;

    internal ResumePoint ResumePoint => new(Length, Lines, RecordsPastLength);
}
