using Microsoft.CodeAnalysis;

namespace CallLogGen.Model;

/// <summary>
/// A diagnostic as pipeline data: the catalogue id, where it stands and its message arguments.
/// It becomes a Roslyn <c>Diagnostic</c> only when reported, so that models stay equatable.
/// Made only from a descriptor of <c>DiagnosticCatalog</c>, so that no id is spelled anywhere else.
/// </summary>
internal sealed record DiagnosticInfo
{
    private DiagnosticInfo(string id, SourceSpan? location, EquatableArray<string> arguments)
    {
        Id = id;
        Location = location;
        Arguments = arguments;
    }

    public string Id { get; }

    public SourceSpan? Location { get; }

    public EquatableArray<string> Arguments { get; }

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan? location, params string[] arguments) =>
        new(descriptor.Id, location, EquatableArray.Create(arguments));
}
