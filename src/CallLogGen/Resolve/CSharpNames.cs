using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CallLogGen.Resolve;

/// <summary>
/// Turns Log Analytics and document names into .NET-style C# names.
/// <list type="bullet">
/// <item>Words are split at spaces, punctuation, underscores, digits-to-letters and case changes
/// (<c>SDKVersion</c> is SDK + Version; <c>source.namespace</c> is source + namespace).</item>
/// <item>Each word is capitalised; an all-capitals word of three or more letters keeps only its first
/// capital (<c>URI</c> becomes <c>Uri</c>, <c>SDK</c> <c>Sdk</c>), two-letter acronyms stay (<c>IP</c>),
/// except <c>ID</c>, which .NET writes <c>Id</c>.</item>
/// <item>Leading underscores go (<c>_BilledSize</c> becomes <c>BilledSize</c>); a name that would start
/// with a digit gets a leading underscore.</item>
/// </list>
/// </summary>
internal static class CSharpNames
{
    /// <summary>The PascalCase name, or null where <paramref name="text"/> has no letter or digit.</summary>
    public static string? ToPascalCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in SplitWords(text))
        {
            AppendWord(builder, word);
        }

        if (builder.Length == 0)
        {
            return null;
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        // Every C# keyword is lower case, so a PascalCase name is never one.
        return builder.ToString();
    }

    /// <summary>Whether a name chosen in table options can stand as a type or member name as written.</summary>
    public static bool IsUsableIdentifier(string name) =>
        SyntaxFacts.IsValidIdentifier(name) && SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None;

    /// <summary>Makes <paramref name="name"/> unique among <paramref name="taken"/> with a number: Name, Name2, Name3.</summary>
    public static string MakeUnique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var suffix = 2; taken.Contains(candidate); suffix++)
        {
            candidate = name + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(candidate);
        return candidate;
    }

    private static void AppendWord(StringBuilder builder, string word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var allUpper = true;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                allUpper = false;
                break;
            }
        }

        if (allUpper && (word.Length > 2 || word == "ID"))
        {
            builder.Append(word[0]);
            builder.Append(word.Substring(1).ToLowerInvariant());
            return;
        }

        builder.Append(char.ToUpperInvariant(word[0]));
        builder.Append(word, 1, word.Length - 1);
    }

    private static IEnumerable<string> SplitWords(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (start >= 0)
                {
                    yield return text.Substring(start, i - start);
                    start = -1;
                }

                continue;
            }

            if (start >= 0 && IsWordBoundary(text, i))
            {
                yield return text.Substring(start, i - start);
                start = i;
            }

            if (start < 0)
            {
                start = i;
            }
        }

        if (start >= 0)
        {
            yield return text.Substring(start);
        }
    }

    // A new word starts at a capital after a lower-case letter or digit (callerIp|Address), and at the
    // last capital of a run that a lower-case letter follows (SDK|Version).
    private static bool IsWordBoundary(string text, int i)
    {
        var c = text[i];
        var previous = text[i - 1];
        if (char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous)))
        {
            return true;
        }

        return char.IsUpper(c) && char.IsUpper(previous) && i + 1 < text.Length && char.IsLower(text[i + 1]);
    }
}
