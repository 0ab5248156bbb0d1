using CallLogGen.Analyzers;
using CallLogGen.CodeFixes;
using CallLogGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CallLogGen.Tests.CodeFixes;

/// <summary>
/// The CLG2001 fix through Roslyn's code-fix test: each test applies the fix one diagnostic at a time and as Fix All
/// in document, project and solution, and checks the result (text, remaining diagnostics, no compiler errors). The
/// placeholders it adds are what CLG2002 reports, so the fixed state expects those warnings.
/// </summary>
public class AddMissingColumnsCodeFixTests
{
    private static CallLogGenCodeFixTest<RequiredColumnsAnalyzer, AddMissingColumnsCodeFix> Test(string code, string fixedCode) => new()
    {
        TestCode = code,
        FixedCode = fixedCode,
    };

    private static string Code(string body) => $$"""
        using System;
        using Contoso.CallLogs;

        public static class Program
        {
            public static object One() => {{body}};
        }
        """;

    [Fact]
    public async Task The_fix_adds_each_missing_required_column_with_a_placeholder()
    {
        await Test(
            Code("{|CLG2001:new Requests { Note = \"n\" }|}"),
            Code("new Requests { Note = \"n\", {|CLG2002:TimeGenerated = default|}, {|CLG2002:Level = \"\"|} }")).RunAsync();
    }

    [Fact]
    public async Task The_fix_adds_only_the_columns_that_are_missing()
    {
        await Test(
            Code("{|CLG2001:new Requests { Level = \"Error\" }|}"),
            Code("new Requests { Level = \"Error\", {|CLG2002:TimeGenerated = default|} }")).RunAsync();
    }

    [Fact]
    public async Task The_fix_adds_an_initializer_where_there_was_none()
    {
        await Test(
            Code("{|CLG2001:new Requests()|}"),
            Code("new Requests() { {|CLG2002:TimeGenerated = default|}, {|CLG2002:Level = \"\"|} }")).RunAsync();
    }

    [Fact]
    public async Task The_fix_adds_to_the_initializer_only_what_the_following_statements_do_not_set()
    {
        await Test(
            Block("var r = {|CLG2001:new Requests()|}; r.Level = \"Error\"; return r;"),
            Block("var r = new Requests() { {|CLG2002:TimeGenerated = default|} }; r.Level = \"Error\"; return r;")).RunAsync();
    }

    private static string Block(string body) => $$"""
        using System;
        using Contoso.CallLogs;

        public static class Program
        {
            public static object One()
            {
                {{body}}
            }
        }
        """;

    private const string First = """
        using System;
        using Contoso.CallLogs;

        public static class First
        {
            public static object One() => {|CLG2001:new Requests { Level = "x" }|};
            public static object[] Two() => new object[] { {|CLG2001:new Requests()|}, {|CLG2001:new Requests { Note = "n" }|} };
        }
        """;

    private const string FirstFixed = """
        using System;
        using Contoso.CallLogs;

        public static class First
        {
            public static object One() => new Requests { Level = "x", {|CLG2002:TimeGenerated = default|} };
            public static object[] Two() => new object[] { new Requests() { {|CLG2002:TimeGenerated = default|}, {|CLG2002:Level = ""|} }, new Requests { Note = "n", {|CLG2002:TimeGenerated = default|}, {|CLG2002:Level = ""|} } };
        }
        """;

    private const string Second = """
        using System;
        using Contoso.CallLogs;

        public static class Second
        {
            public static object One() => {|CLG2001:new Requests { TimeGenerated = DateTimeOffset.UtcNow }|};
        }
        """;

    private const string SecondFixed = """
        using System;
        using Contoso.CallLogs;

        public static class Second
        {
            public static object One() => new Requests { TimeGenerated = DateTimeOffset.UtcNow, {|CLG2002:Level = ""|} };
        }
        """;

    private const string Clean = """
        using System;
        using Contoso.CallLogs;

        public static class Clean
        {
            public static object One() => new Requests { TimeGenerated = DateTimeOffset.UtcNow, Level = "Error" };
        }
        """;

    [Fact]
    public async Task Fix_all_in_document_fixes_every_creation_of_one_document_at_a_time()
    {
        var test = new CallLogGenCodeFixTest<RequiredColumnsAnalyzer, AddMissingColumnsCodeFix>
        {
            // One document per Fix All: two documents need two passes; a clean document changes nothing.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInProjectCheck | CodeFixTestBehaviors.SkipFixAllInSolutionCheck,
            NumberOfIncrementalIterations = 4,
            NumberOfFixAllInDocumentIterations = 2,
        };
        test.TestState.Sources.Add(("First.cs", First));
        test.TestState.Sources.Add(("Second.cs", Second));
        test.TestState.Sources.Add(("Clean.cs", Clean));
        test.FixedState.Sources.Add(("First.cs", FirstFixed));
        test.FixedState.Sources.Add(("Second.cs", SecondFixed));
        test.FixedState.Sources.Add(("Clean.cs", Clean));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_in_project_and_solution_reach_every_document_and_project()
    {
        var test = new CallLogGenCodeFixTest<RequiredColumnsAnalyzer, AddMissingColumnsCodeFix>
        {
            // One diagnostic at a time: 5 fixes. Fix All in document: one pass per document with diagnostics (3).
            // In project: one pass per project (2). In solution: everything in one pass.
            NumberOfIncrementalIterations = 5,
            NumberOfFixAllInDocumentIterations = 3,
            NumberOfFixAllInProjectIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        test.TestState.Sources.Add(("First.cs", First));
        test.TestState.Sources.Add(("Second.cs", Second));
        test.TestState.AdditionalProjects["Other"].Sources.Add(("Other/Program.cs", Second.Replace("class Second", "class Other", StringComparison.Ordinal)));
        test.FixedState.Sources.Add(("First.cs", FirstFixed));
        test.FixedState.Sources.Add(("Second.cs", SecondFixed));
        test.FixedState.AdditionalProjects["Other"].Sources.Add(("Other/Program.cs", SecondFixed.Replace("class Second", "class Other", StringComparison.Ordinal)));
        await test.RunAsync();
    }
}
