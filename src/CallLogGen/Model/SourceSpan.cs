namespace CallLogGen.Model;

/// <summary>
/// Where something stands in a schema file, as plain data: a Roslyn <c>Location</c> would hold
/// the syntax tree or file and break caching. Lines and columns are zero-based like Roslyn's
/// <c>LinePosition</c>; <see cref="Display"/> shows them one-based as editors do.
/// </summary>
internal readonly record struct SourceSpan(
    string FilePath,
    string RelativePath,
    int Start,
    int Length,
    int Line,
    int Column,
    int EndLine,
    int EndColumn)
{
    /// <summary>A span for a point, where the reader knows line and column but nothing wider.</summary>
    public static SourceSpan At(string filePath, string relativePath, int start, int line, int column) =>
        new(filePath, relativePath, start, 0, line, column, line, column);

    /// <summary><c>schemas/logs.md(12,3)</c>: the form compilers print and IDEs turn into links.</summary>
    public string Display => $"{RelativePath}({Line + 1},{Column + 1})";
}
