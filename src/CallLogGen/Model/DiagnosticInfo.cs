namespace CallLogGen.Model;

/// <summary>
/// A diagnostic as pipeline data: the catalogue id, where it stands and its message arguments.
/// It becomes a Roslyn <c>Diagnostic</c> only when reported, so that models stay equatable.
/// </summary>
internal sealed record DiagnosticInfo(string Id, SourceSpan? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string id, SourceSpan? location, params string[] arguments) =>
        new(id, location, EquatableArray.Create(arguments));
}
