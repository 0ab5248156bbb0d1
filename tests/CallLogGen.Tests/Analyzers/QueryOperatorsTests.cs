using System.Reflection;
using CallLogGen.Analyzers.Queries;
using CallLogGen.Kql;

namespace CallLogGen.Tests.Analyzers;

/// <summary>
/// The query rules' interpreter models every operator of the runtime's <c>KqlQuery&lt;T&gt;</c>: a method added to the
/// runtime fails here until the interpreter says what it does to the columns.
/// </summary>
public class QueryOperatorsTests
{
    private static readonly MethodInfo[] PublicMethods = typeof(KqlQuery<>)
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName)
        .ToArray();

    [Fact]
    public void Every_public_method_of_KqlQuery_is_modelled_and_every_modelled_one_exists()
    {
        var names = PublicMethods.Select(m => m.Name).Distinct().ToList();
        Assert.True(names.Count >= 15, "KqlQuery<T> has fewer public methods than expected: " + string.Join(", ", names));

        var unmodelled = names.Except(QueryOperators.ByName.Keys).ToList();
        Assert.True(unmodelled.Count == 0, "KqlQuery<T> has methods the query rules do not model (add them to QueryOperators): " + string.Join(", ", unmodelled));
        var stale = QueryOperators.ByName.Keys.Except(names).ToList();
        Assert.True(stale.Count == 0, "QueryOperators models methods KqlQuery<T> does not have: " + string.Join(", ", stale));
    }

    [Fact]
    public void Operators_that_return_a_query_change_the_columns_and_the_others_render_it()
    {
        foreach (var method in PublicMethods)
        {
            var op = QueryOperators.ByName[method.Name];
            var returnsQuery = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(KqlQuery<>);
            Assert.True(returnsQuery == (op.Effect != ColumnEffect.Renders), $"{method}: modelled as {op.Effect}");
        }
    }

    [Fact]
    public void Column_lists_are_lambda_parameters_of_their_operators()
    {
        foreach (var op in QueryOperators.ByName.Values)
        {
            foreach (var parameter in op.ColumnLists)
            {
                Assert.Contains(PublicMethods, m => m.Name == op.Name && m.GetParameters().Any(p =>
                    p.Name == parameter && p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(Func<,>)));
            }
        }
    }
}
