using System.Globalization;
using System.Text.RegularExpressions;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.Runtime.Kql;

/// <summary>
/// <see cref="KqlNames.Bracket"/> against the parser: every parser keyword is bracketed, and every name, bracketed or
/// not, reads back as that column in the usual positions, with the column's exact name in the result.
/// </summary>
public class KqlNamesTests
{
    private static readonly Func<string, string>[] Positions =
    {
        n => $"T | where {n} == 'x'",
        n => $"T | project {n}",
        n => $"T | project {n}, Other",
        n => $"T | extend y = {n}",
        n => $"T | summarize count() by {n}",
        n => $"T | sort by {n} asc",
        n => $"T | where Other == 'a' and {n} in ('x')",
        n => $"T | project-away {n}",
        n => $"T | where isnotempty({n})",
        n => $"T | join kind=inner (T) on {n}",
        n => $"T | extend {n} = 'y'",
    };

    [Fact]
    public void Every_parser_keyword_is_bracketed()
    {
        var identifiers = KustoParser.Keywords().Where(k => Regex.IsMatch(k, "^[A-Za-z_][A-Za-z0-9_]*$")).ToList();
        Assert.True(identifiers.Count > 200, $"only {identifiers.Count} keywords");
        Assert.All(identifiers, k => Assert.Equal($"['{k}']", KqlNames.Bracket(k)));
        Assert.All(identifiers, k => Assert.True(KqlNames.IsKeyword(k), k));
    }

    [Fact]
    public void Names_read_back_as_their_columns_in_every_position()
    {
        var keywords = KustoParser.Keywords().Where(k => Regex.IsMatch(k, "^[A-Za-z_][A-Za-z0-9_]*$")).ToList();
        var names = keywords
            .Concat(new[]
            {
                "true", "false", "not", "null", "TimeGenerated", "_ResourceId", "_", "__", "_1", "Where", "PROJECT", "ago", "now", "iff",
                "Operation Name", "1st", "a-b", "a.b", "it's", "back\\slash", "tab\there", "new\nline", "nul\0", "del\u007f",
                "line\u2028sep", "emoji\ud83d\ude00", "lone\ud800", "é", "中文", "['x']", "x]", "'", "\"", "a b ", " ",
            })
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var columns = names.Select((n, i) => new { Name = n, Csl = $"{KqlNames.Bracket(n)}:string" }).ToList();
        var table = new KqlTable("T", "(Other:string, " + string.Join(", ", columns.Select(c => c.Csl)) + ")");

        var schema = KustoParser.Check("T", table);
        Assert.True(schema.IsClean, schema.ToString());
        Assert.Equal(new[] { "Other" }.Concat(names), schema.Columns!.Select(c => c.Name));

        // Every name in every position in the long run. The quick run puts each parser keyword in three positions, in
        // turn, so that every position still meets keywords, and the hand-picked names (the odd ones) in all of them.
        var queries = names.SelectMany((n, i) => Positions.Select((p, j) => (p, j))
                .Where(position => TestSize.IsLong || i >= keywords.Count || (position.j - i % Positions.Length + Positions.Length) % Positions.Length < 3)
                .Select(position => new KqlQuery($"{i}/{position.j}", position.p(KqlNames.Bracket(n)))))
            .ToList();
        var checks = KustoParser.Check(new[] { table }, queries);
        var failures = new List<string>();
        for (var i = 0; i < queries.Count; i++)
        {
            var name = names[int.Parse(queries[i].Id.Split('/')[0], CultureInfo.InvariantCulture)];
            if (!checks[i].IsClean)
            {
                failures.Add($"{LiteralOracle.Shorten(queries[i].Kql)}: {checks[i]}");
            }
            else if (queries[i].Kql.StartsWith("T | project ", StringComparison.Ordinal) && checks[i].Columns![0].Name != name)
            {
                failures.Add($"{LiteralOracle.Shorten(queries[i].Kql)}: column {LiteralOracle.Shorten(checks[i].Columns![0].Name)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Theory]
    [InlineData("TimeGenerated", "TimeGenerated")]
    [InlineData("_ResourceId", "_ResourceId")]
    [InlineData("Project", "Project")]
    [InlineData("where", "['where']")]
    [InlineData("count", "['count']")]
    [InlineData("true", "['true']")]
    [InlineData("Operation Name", "['Operation Name']")]
    [InlineData("1st", "['1st']")]
    [InlineData("it's", @"['it\'s']")]
    [InlineData("a\\b", @"['a\\b']")]
    [InlineData("new\nline", @"['new\nline']")]
    [InlineData("line\u2028sep", @"['line\u2028sep']")]
    public void Bracket(string name, string expected) => Assert.Equal(expected, KqlNames.Bracket(name));

    [Fact]
    public void Empty_and_null_names_are_errors()
    {
        Assert.Throws<ArgumentException>(() => KqlNames.Bracket(""));
        Assert.Throws<ArgumentNullException>(() => KqlNames.Bracket(null!));
    }
}
