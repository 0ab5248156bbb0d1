using System.Text;

namespace CallLogGen.Resolve;

/// <summary>Hint names from the schema file's relative path and the type, so two <c>logs.md</c> in different folders do not clash.</summary>
internal static class HintNames
{
    /// <summary>Where a table with no schema file (one of the built-in catalogue) sits among the hint names.</summary>
    public const string CatalogFolder = "azure-monitor-reference";

    public static string For(string relativePath, string typeName)
    {
        var builder = new StringBuilder(relativePath.Length + typeName.Length + 8);
        foreach (var c in relativePath)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '-' || c == '.' ? c : '_');
        }

        return builder.Append('.').Append(typeName).Append(".g.cs").ToString();
    }
}
