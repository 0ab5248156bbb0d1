using System;
using System.Threading;
using CallLogGen.Model;

namespace CallLogGen.Schema;

/// <summary>Sends each schema file to the reader for its kind.</summary>
internal static class SchemaReader
{
    public static SchemaDocument Read(SchemaFile file, CancellationToken cancellationToken)
    {
        if (file.FilePath.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return Json.JsonSchemaReader.Read(file, cancellationToken);
        }

        return Markdown.MarkdownSchemaReader.Read(file, cancellationToken);
    }

    public static SchemaDocument Empty(SchemaFile file, SchemaFormat format, params DiagnosticInfo[] diagnostics) =>
        new(file.FilePath, file.RelativePath, format,
            EquatableArray<SourceTable>.Empty, EquatableArray<IncludeReference>.Empty,
            EquatableArray<TableOptions>.Empty, EquatableArray.Create(diagnostics));
}
