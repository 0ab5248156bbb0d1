using System;
using System.Collections.Generic;
using System.Linq;
using CallLogGen.Diagnostics;
using CallLogGen.Model;

namespace CallLogGen.Resolve;

/// <summary>
/// Follows <c>[!INCLUDE]</c> lines: an included file's tables become tables of the page that includes
/// them, named as a table at that place would be. A file that some page includes does not also stand
/// on its own, so its tables are generated once. Targets are looked up by path relative to the including
/// page, then by file name in the page's own folder (reference pages keep includes beside them).
/// </summary>
internal sealed class IncludeResolver
{
    private readonly Dictionary<string, SchemaDocument> _byPath;
    private readonly List<DiagnosticInfo> _diagnostics;

    public IncludeResolver(IReadOnlyList<SchemaDocument> documents, List<DiagnosticInfo> diagnostics)
    {
        _diagnostics = diagnostics;
        _byPath = new Dictionary<string, SchemaDocument>(StringComparer.OrdinalIgnoreCase);
        foreach (var document in documents)
        {
            var key = Paths.Normalize(document.RelativePath);
            if (!_byPath.ContainsKey(key))
            {
                _byPath.Add(key, document);
            }
        }
    }

    /// <summary>The paths of every document some other document includes.</summary>
    public HashSet<string> IncludedPaths { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tables of <paramref name="document"/>: its own, then those it includes.</summary>
    public IEnumerable<SourceTable> TablesOf(SchemaDocument document) => TablesOf(document, new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    private IEnumerable<SourceTable> TablesOf(SchemaDocument document, HashSet<string> visiting)
    {
        if (!visiting.Add(Paths.Normalize(document.RelativePath)))
        {
            yield break;
        }

        foreach (var table in document.Tables)
        {
            yield return table;
        }

        foreach (var include in document.Includes)
        {
            var target = Find(document, include.Target);
            if (target is null)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticCatalog.MissingInclude, include.Location, include.Target));
                continue;
            }

            IncludedPaths.Add(Paths.Normalize(target.RelativePath));
            var included = TablesOf(target, visiting).ToList();
            for (var i = 0; i < included.Count; i++)
            {
                var name = included.Count == 1 ? include.NameHint : include.NameHint + " " + (i + 1);
                yield return included[i] with { Name = name, Evidence = included[i].Evidence.Within(include.Evidence) };
            }
        }

        visiting.Remove(Paths.Normalize(document.RelativePath));
    }

    private SchemaDocument? Find(SchemaDocument from, string target)
    {
        var folder = Paths.Folder(Paths.Normalize(from.RelativePath));
        var cleaned = target.Trim().Trim('<', '>').Trim();
        if (cleaned.Length == 0 || cleaned.StartsWith("~", StringComparison.Ordinal))
        {
            // `~/reusable-content/...` points into another docs repository: never among the schema files.
            return null;
        }

        if (_byPath.TryGetValue(Paths.Combine(folder, cleaned), out var byRelativePath))
        {
            return byRelativePath;
        }

        return _byPath.TryGetValue(Paths.Combine(folder, Paths.FileName(cleaned)), out var byFileName) ? byFileName : null;
    }
}

/// <summary>Forward-slash relative paths, the form used in messages, hint names and lookups.</summary>
internal static class Paths
{
    public static string Normalize(string path) => path.Replace('\\', '/');

    public static string Folder(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }

    public static string FileName(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? normalized : normalized.Substring(slash + 1);
    }

    /// <summary>A path with forward slashes and its <c>.</c> and <c>..</c> segments folded, keeping a leading root.</summary>
    public static string Fold(string path)
    {
        var normalized = Normalize(path);
        var rooted = normalized.StartsWith("/", StringComparison.Ordinal);
        var folded = Combine(string.Empty, normalized);
        return rooted ? "/" + folded : folded;
    }

    /// <summary>Joins a folder and a relative path, folding <c>.</c> and <c>..</c> segments.</summary>
    public static string Combine(string folder, string relative)
    {
        var parts = new List<string>();
        foreach (var part in (folder.Length == 0 ? relative : folder + "/" + relative).Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join("/", parts);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="wanted"/> or ends with it at a folder boundary.</summary>
    public static bool Matches(string path, string wanted)
    {
        var normalizedPath = Normalize(path);
        var normalizedWanted = Normalize(wanted).TrimStart('.', '/');
        return normalizedPath.Equals(normalizedWanted, StringComparison.OrdinalIgnoreCase)
            || normalizedPath.EndsWith("/" + normalizedWanted, StringComparison.OrdinalIgnoreCase);
    }
}
