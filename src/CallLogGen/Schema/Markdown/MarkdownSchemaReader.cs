using System.Threading;

namespace CallLogGen.Schema.Markdown;

/// <summary>Finds the log schema tables in a markdown page. (Placeholder until the reader lands.)</summary>
internal static class MarkdownSchemaReader
{
    public static SchemaDocument Read(SchemaFile file, CancellationToken cancellationToken) =>
        SchemaReader.Empty(file, SchemaFormat.Markdown);
}
