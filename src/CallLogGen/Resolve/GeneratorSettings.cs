namespace CallLogGen.Resolve;

/// <summary>The build properties the generator reads (through the package's CompilerVisibleProperty items).</summary>
/// <see cref="RejectedNamespace"/> holds a CallLogGenNamespace that is not a C# namespace, so that it is reported
/// once instead of breaking every generated file.
internal sealed record GeneratorSettings(string Namespace, string? ProjectDirectory, string? RejectedNamespace = null)
{
    public const string DefaultNamespaceSuffix = ".CallLogs";
    public const string FallbackNamespace = "CallLogs";

    public static GeneratorSettings From(string? callLogGenNamespace, string? rootNamespace, string? projectDirectory)
    {
        var fromRoot = !string.IsNullOrWhiteSpace(rootNamespace) && IsNamespace(rootNamespace!.Trim())
            ? rootNamespace!.Trim() + DefaultNamespaceSuffix
            : FallbackNamespace;
        var directory = string.IsNullOrWhiteSpace(projectDirectory) ? null : projectDirectory;
        if (string.IsNullOrWhiteSpace(callLogGenNamespace))
        {
            return new GeneratorSettings(fromRoot, directory);
        }

        var chosen = callLogGenNamespace!.Trim();
        return IsNamespace(chosen)
            ? new GeneratorSettings(chosen, directory)
            : new GeneratorSettings(fromRoot, directory, chosen);
    }

    private static bool IsNamespace(string text)
    {
        foreach (var part in text.Split('.'))
        {
            if (!CSharpNames.IsUsableIdentifier(part))
            {
                return false;
            }
        }

        return true;
    }
}
