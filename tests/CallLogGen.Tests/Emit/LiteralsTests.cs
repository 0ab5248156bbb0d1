using CallLogGen.Emit;
using CsCheck;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CallLogGen.Tests.Emit;

/// <summary>Strings from schema files reach generated C# as literals: whatever they hold, the compiler must read them back exactly.</summary>
public class LiteralsTests
{
    private static string? ReadBack(string literal)
    {
        var expression = SyntaxFactory.ParseExpression(literal);
        Assert.Empty(expression.GetDiagnostics());
        return (string?)((LiteralExpressionSyntax)expression).Token.Value;
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("quote \" and backslash \\")]
    [InlineData("line\nbreak\r\ntab\t")]
    [InlineData("nul\0 and bell\a")]
    [InlineData("separators \u2028 \u2029 \u0085")]
    [InlineData("emoji 😀 and a lone \ud800 surrogate")]
    public void Literals_read_back_exactly(string value) => Assert.Equal(value, ReadBack(Literals.String(value)));

    [Fact]
    public void Any_string_reads_back_exactly() =>
        Gen.String[Gen.Char, 0, 200].Sample(value => Assert.Equal(value, ReadBack(Literals.String(value))), iter: 2_000);

    [Fact]
    public void Null_is_the_null_literal() => Assert.Equal("null", Literals.String(null));
}
