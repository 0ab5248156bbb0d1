namespace CallLogGen.Resolve;

/// <summary>The build properties the generator reads (through the package's CompilerVisibleProperty items).</summary>
internal sealed record GeneratorSettings(string Namespace, string? ProjectDirectory)
{
    public const string DefaultNamespaceSuffix = ".CallLogs";
    public const string FallbackNamespace = "CallLogs";

    public static GeneratorSettings From(string? callLogGenNamespace, string? rootNamespace, string? projectDirectory)
    {
        var ns = !string.IsNullOrWhiteSpace(callLogGenNamespace)
            ? callLogGenNamespace!.Trim()
            : !string.IsNullOrWhiteSpace(rootNamespace) ? rootNamespace!.Trim() + DefaultNamespaceSuffix : FallbackNamespace;
        return new GeneratorSettings(ns, string.IsNullOrWhiteSpace(projectDirectory) ? null : projectDirectory);
    }
}
