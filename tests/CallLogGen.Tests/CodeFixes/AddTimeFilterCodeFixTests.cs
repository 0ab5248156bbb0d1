using CallLogGen.Analyzers;
using CallLogGen.CodeFixes;
using CallLogGen.Tests.Infrastructure;

namespace CallLogGen.Tests.CodeFixes;

/// <summary>
/// The CLG3002 fix through Roslyn's code-fix test (one at a time, then Fix All in document, project and solution):
/// <c>.InLast(TimeSpan.FromDays(1))</c> right after the table's <c>Query()</c>, in the file's own style.
/// </summary>
public class AddTimeFilterCodeFixTests
{
    private static CallLogGenCodeFixTest<TimeFilterAnalyzer, AddTimeFilterCodeFix> Test(string code, string fixedCode) => new()
    {
        TestCode = code,
        FixedCode = fixedCode,
    };

    private static string Code(string body, string usings = "using System;\n") => usings + $$"""
        using Contoso.CallLogs;

        public static class Program
        {
            public static string Run(string input)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task The_filter_goes_right_after_Query_with_the_files_usings()
    {
        await Test(
            Code("return {|CLG3002:Requests.Query().Where(t => t.Level == input).Take(10).ToKql()|};"),
            Code("return Requests.Query().InLast(TimeSpan.FromDays(1)).Where(t => t.Level == input).Take(10).ToKql();")).RunAsync();
    }

    [Fact]
    public async Task Without_using_System_the_type_is_qualified_so_it_still_compiles()
    {
        await Test(
            Code("return {|CLG3002:Requests.Query().ToKql()|};", usings: string.Empty),
            Code("return Requests.Query().InLast(System.TimeSpan.FromDays(1)).ToKql();", usings: string.Empty)).RunAsync();
    }

    [Fact]
    public async Task A_query_kept_in_a_local_gets_the_filter_where_the_local_starts_it()
    {
        await Test(
            Code("var query = Requests.Query().Where(t => t.Level == input); return {|CLG3002:query.Take(10).ToKql()|};"),
            Code("var query = Requests.Query().InLast(TimeSpan.FromDays(1)).Where(t => t.Level == input); return query.Take(10).ToKql();")).RunAsync();
    }

    [Fact]
    public async Task A_chain_written_one_operator_per_line_keeps_its_layout()
    {
        await Test(
            Code("""
                return {|CLG3002:Requests.Query()
                            .Where(t => t.Level == input)
                            .ToKql()|};
                """),
            Code("""
                return Requests.Query().InLast(TimeSpan.FromDays(1))
                            .Where(t => t.Level == input)
                            .ToKql();
                """)).RunAsync();
    }

    [Fact]
    public async Task Fix_all_adds_the_filter_to_every_unfiltered_query_in_every_document_and_project()
    {
        const string First = """
            using System;
            using Contoso.CallLogs;

            public static class First
            {
                public static string A() => {|CLG3002:Requests.Query().ToKql()|};
                public static string B(string input) => {|CLG3002:Requests.Query().Where(t => t.Note == input).ToKql()|};
                public static string Filtered() => Requests.Query().InLast(TimeSpan.FromHours(1)).ToKql();
            }
            """;
        const string FirstFixed = """
            using System;
            using Contoso.CallLogs;

            public static class First
            {
                public static string A() => Requests.Query().InLast(TimeSpan.FromDays(1)).ToKql();
                public static string B(string input) => Requests.Query().InLast(TimeSpan.FromDays(1)).Where(t => t.Note == input).ToKql();
                public static string Filtered() => Requests.Query().InLast(TimeSpan.FromHours(1)).ToKql();
            }
            """;
        const string Second = """
            using Contoso.CallLogs;

            public static class Second
            {
                public static string A() => {|CLG3002:Requests.Query().Take(1).ToKql()|};
            }
            """;
        const string SecondFixed = """
            using Contoso.CallLogs;

            public static class Second
            {
                public static string A() => Requests.Query().InLast(System.TimeSpan.FromDays(1)).Take(1).ToKql();
            }
            """;

        var test = new CallLogGenCodeFixTest<TimeFilterAnalyzer, AddTimeFilterCodeFix>
        {
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfFixAllInProjectIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("First.cs", First));
        test.TestState.Sources.Add(("Second.cs", Second));
        test.TestState.AdditionalProjects["Other"].Sources.Add(("Other/Program.cs", Second));
        test.FixedState.Sources.Add(("First.cs", FirstFixed));
        test.FixedState.Sources.Add(("Second.cs", SecondFixed));
        test.FixedState.AdditionalProjects["Other"].Sources.Add(("Other/Program.cs", SecondFixed));
        await test.RunAsync();
    }
}
