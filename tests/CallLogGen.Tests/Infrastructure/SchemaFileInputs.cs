using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CallLogGen.Tests.Infrastructure;

/// <summary>A schema file in memory, as the compiler hands AdditionalFiles to generators.</summary>
public sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>
/// Build properties (<c>build_property.X</c>) for the whole project, and on every additional file the metadata
/// the package's props put on schema files. Shared by the tests and the benchmarks (linked there).
/// </summary>
public sealed class SchemaFileOptionsProvider(IReadOnlyDictionary<string, string> buildProperties) : AnalyzerConfigOptionsProvider
{
    private readonly AnalyzerConfigOptions _global = new DictionaryOptions(
        buildProperties.ToDictionary(p => "build_property." + p.Key, p => p.Value));

    private readonly AnalyzerConfigOptions _schemaFile = new DictionaryOptions(
        new Dictionary<string, string> { [CallLogGenerator.SchemaMetadata] = "true" });

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _schemaFile;

    private sealed class DictionaryOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null!;
            return false;
        }
    }
}
