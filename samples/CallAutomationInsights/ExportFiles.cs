namespace CallAutomationInsights;

/// <summary>
/// The files <c>analyze</c> reads: each file named, and the export files in each directory named, and the checks that
/// tell a file that cannot be an export (empty, compressed, UTF-16, binary) before the reader meets it.
/// </summary>
internal static class ExportFiles
{
    /// <summary>What a directory's export files end with: archives are <c>PT1H.json</c>, hand-made exports often one record per line.</summary>
    public static readonly IReadOnlyList<string> Extensions = new[] { ".json", ".ndjson", ".jsonl" };

    /// <summary>How much of a file the content checks look at; git calls a file binary on a NUL byte in as many.</summary>
    private const int ProbeLength = 8000;

    /// <summary>
    /// The files to read, in the order given; a directory stands for the export files in it and below, in ordinal
    /// order of their paths (the layout of a downloaded archive is <c>resourceId=/.../y=/m=/d=/h=/m=00/PT1H.json</c>).
    /// A file met twice is read once.
    /// </summary>
    /// <param name="arguments">Files and directories, as the user wrote them.</param>
    /// <param name="skip">Called with the path and the reason for an argument that stands for nothing to read.</param>
    /// <param name="note">Called with the path and a remark that skips nothing (other files in a directory).</param>
    public static List<string> Expand(IEnumerable<string> arguments, Action<string, string> skip, Action<string, string> note)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            if (!Directory.Exists(argument))
            {
                // A missing file is reported when it is opened, with the other reasons a file cannot be read.
                if (seen.Add(Path.GetFullPath(argument)))
                {
                    files.Add(argument);
                }

                continue;
            }

            List<string> all;
            try
            {
                all = Directory.EnumerateFiles(argument, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false })
                    .Order(StringComparer.Ordinal)
                    .ToList();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                skip(argument, "the directory cannot be listed: " + Describe(error));
                continue;
            }

            var exports = all.Where(IsExportName).ToList();
            if (exports.Count == 0)
            {
                skip(argument, $"a directory with no export files in it or below (no {NameList("or")} files)");
                continue;
            }

            if (all.Count > exports.Count)
            {
                var others = all.Where(f => !IsExportName(f)).ToList();
                note(argument, $"{others.Count} other files not read (from a directory, only {NameList("and")} files are): {string.Join(", ", others.Take(3).Select(f => Path.GetRelativePath(argument, f)))}{(others.Count > 3 ? ", ..." : string.Empty)}");
            }

            files.AddRange(exports.Where(f => seen.Add(Path.GetFullPath(f))));
        }

        return files;
    }

    /// <summary>
    /// Why the file's content cannot be an export, from its first bytes (the stream is left at its start); null where it may be one.
    /// The generated readers take UTF-8 JSON, as Azure writes it; these are the files that users most often hand them by mistake.
    /// </summary>
    public static string? RefuseContent(Stream file)
    {
        var head = new byte[ProbeLength];
        var count = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        var bytes = head.AsSpan(0, count);
        if (count == 0)
        {
            return "an empty file: no records in it";
        }

        if (bytes is [0x1F, 0x8B, ..])
        {
            return "gzip-compressed data, not JSON: decompress it first (gunzip)";
        }

        if (bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            return "UTF-16 text: the readers take UTF-8, as Azure writes it; convert it first (iconv -f UTF-16 -t UTF-8)";
        }

        if (bytes.IndexOf((byte)0) is var nul and >= 0)
        {
            return $"binary data, not JSON (a NUL byte at offset {nul}): skipped whole";
        }

        if (count < ProbeLength && bytes.Trim(" \t\r\n"u8).IsEmpty)
        {
            return "a file of white space only: no records in it";
        }

        return null;
    }

    /// <summary>An I/O error in a few plain words, without the full path the runtime's messages repeat.</summary>
    public static string Describe(Exception error) => error switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        _ => error.Message,
    };

    private static string NameList(string conjunction) => string.Join(", ", Extensions.SkipLast(1).Select(e => "*" + e)) + $" {conjunction} *" + Extensions[^1];

    private static bool IsExportName(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));
}
