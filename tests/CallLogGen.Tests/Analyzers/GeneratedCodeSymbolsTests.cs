using CallLogGen.Analyzers;
using CallLogGen.Shape;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CallLogGen.Tests.Analyzers;

/// <summary>The analyzers know the runtime's types by namespace and name: a look-alike elsewhere is not one of them.</summary>
public class GeneratedCodeSymbolsTests
{
    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "Namespaces",
        new[]
        {
            CSharpSyntaxTree.ParseText("""
                namespace CallLogGen.Kql { public class KqlQuery<T> { } public class KqlString { } }
                namespace Other.CallLogGen.Kql { public class KqlQuery<T> { } public class KqlString { } }
                namespace CallLogGen.KqlX { public class KqlString { } }
                namespace Kql { public class KqlString { } }
                namespace CallLogGen { public class KqlString { } }
                public class KqlString { }
                """),
        });

    [Theory]
    [InlineData("CallLogGen.Kql.KqlString", true)]
    [InlineData("Other.CallLogGen.Kql.KqlString", false)]
    [InlineData("CallLogGen.KqlX.KqlString", false)]
    [InlineData("Kql.KqlString", false)]
    [InlineData("CallLogGen.KqlString", false)]
    [InlineData("KqlString", false)]
    public void A_type_is_a_typed_KQL_type_only_in_the_runtime_namespace(string metadataName, bool expected)
    {
        var type = Compilation.GetTypeByMetadataName(metadataName);
        Assert.NotNull(type);
        Assert.Equal(expected, GeneratedCodeSymbols.IsKqlType(type));
    }

    [Theory]
    [InlineData("CallLogGen.Kql.KqlQuery`1", true)]
    [InlineData("Other.CallLogGen.Kql.KqlQuery`1", false)]
    public void The_query_type_is_known_by_namespace_and_name(string metadataName, bool expected)
    {
        var type = Compilation.GetTypeByMetadataName(metadataName);
        Assert.NotNull(type);
        Assert.Equal(expected, GeneratedCodeSymbols.Is(type, GeneratedShape.KqlQueryType));
        Assert.Equal(expected, GeneratedCodeSymbols.Is(type!.Construct(Compilation.GetSpecialType(SpecialType.System_Object)), GeneratedShape.KqlQueryType));
    }
}
