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

    /// <summary>The severity to report it with where it is not the descriptor's: a docs page's quirks are Info.</summary>
    public DiagnosticSeverity? Severity { get; private init; }

    /// <summary>This diagnostic, reported as Info: a docs page's quirk never fails a build (the id stays, for .editorconfig).</summary>
    public DiagnosticInfo AsInfo() => new(Id, Location, Arguments) { Severity = DiagnosticSeverity.Info };

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan? location, params string[] arguments) =>
        new(descriptor.Id, location, EquatableArray.Create(arguments));
}
