using System.Threading;

namespace CallLogGen.Schema.Json;

/// <summary>Reads the JSON schema formats. (Placeholder until the reader lands.)</summary>
internal static class JsonSchemaReader
{
    public static SchemaDocument Read(SchemaFile file, CancellationToken cancellationToken) =>
        SchemaReader.Empty(file, SchemaFormat.None);
}
