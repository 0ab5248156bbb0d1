using CallLogGen.Model;

namespace CallLogGen.Resolve;

/// <summary>
/// Decides the <see cref="GeneratorSettings"/> from the build properties: the models' namespace is
/// CallLogGenNamespace when it is a C# namespace, else RootNamespace + <c>.CallLogs</c>, else <c>CallLogs</c>.
/// </summary>
internal static class SettingsResolver
{
    public const string DefaultNamespaceSuffix = ".CallLogs";
    public const string FallbackNamespace = "CallLogs";

    public static GeneratorSettings Resolve(string? callLogGenNamespace, string? rootNamespace, string? projectDirectory)
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
