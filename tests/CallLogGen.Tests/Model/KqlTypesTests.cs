using System.Reflection;
using CallLogGen.Json;
using CallLogGen.Kql;
using CallLogGen.Model;

namespace CallLogGen.Tests.Model;

// Both copies of src/Shared/KqlType.cs meet here: the generator's (internal) and the runtime's (public).
using GeneratorKqlType = CallLogGen.Model.KqlType;
using RuntimeKqlType = CallLogGen.KqlType;

/// <summary>
/// The table of KQL type facts (src/Shared/KqlTypes.cs) says what the runtime library really has: the strings the
/// generator writes into generated code name runtime members of the right type.
/// </summary>
public class KqlTypesTests
{
    // Theories take the runtime's (public) enum: test methods must be public, and so their parameter types.
    public static TheoryData<RuntimeKqlType> Types() => new(Enum.GetValues<RuntimeKqlType>());

    [Fact]
    public void One_row_per_type_in_declaration_order_and_both_enums_agree()
    {
        Assert.Equal(Enum.GetValues<GeneratorKqlType>(), KqlTypes.All.Select(t => t.Type));
        Assert.Equal(Enum.GetNames<RuntimeKqlType>(), Enum.GetNames<GeneratorKqlType>());
        Assert.Equal(Enum.GetValues<RuntimeKqlType>().Select(v => (int)v), Enum.GetValues<GeneratorKqlType>().Select(v => (int)v));
        Assert.Equal(
            "string, int, long, real, decimal, bool, datetime, timespan, guid, dynamic",
            KqlTypes.NameList);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_kql_name_is_the_runtimes(RuntimeKqlType runtimeType)
    {
        var type = ToGenerator(runtimeType);
        Assert.Equal(KqlTypeNames.Of(runtimeType), KqlTypes.Of(type).Name);
        Assert.Equal(KqlTypes.Of(type).Name, type.ToKqlName());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_expression_class_is_the_runtimes_typed_expression_of_that_type(RuntimeKqlType runtimeType)
    {
        var type = ToGenerator(runtimeType);
        var info = KqlTypes.Of(type);
        var expression = typeof(KqlExpression).Assembly.GetType("CallLogGen.Kql." + info.ExpressionClass, throwOnError: true)!;
        Assert.True(expression.IsSubclassOf(typeof(KqlExpression)), info.ExpressionClass);

        var column = (KqlExpression)expression.GetMethod("Column", BindingFlags.Public | BindingFlags.Static, new[] { typeof(string) })!
            .Invoke(null, new object[] { "C" })!;
        Assert.Equal(runtimeType, column.Type);
        Assert.Same(info, KqlTypes.OfExpressionClass(info.ExpressionClass));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_cell_member_is_a_CellValue_property_of_the_columns_clr_type(RuntimeKqlType runtimeType)
    {
        var type = ToGenerator(runtimeType);
        var info = KqlTypes.Of(type);
        var property = typeof(CellValue).GetProperty(info.CellMember, BindingFlags.Public | BindingFlags.Instance);
        Assert.NotNull(property);
        Assert.True(property!.CanRead && property.CanWrite, info.CellMember);

        var clrType = ColumnSchema.ClrTypeOf(runtimeType);
        Assert.Equal(clrType.IsValueType ? typeof(Nullable<>).MakeGenericType(clrType) : clrType, property.PropertyType);
        Assert.Equal(clrType.IsValueType, info.IsValueType);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_cell_member_also_names_the_column_sets_accessor_of_the_typed_column(RuntimeKqlType runtimeType)
    {
        // Generated KqlColumns take each column as `Set.<CellMember>(ordinal)`.
        var info = KqlTypes.Of(ToGenerator(runtimeType));
        var accessor = typeof(KqlColumnSet).GetMethod(info.CellMember, BindingFlags.Public | BindingFlags.Instance, new[] { typeof(int) });
        Assert.NotNull(accessor);
        Assert.Equal("CallLogGen.Kql." + info.ExpressionClass, accessor!.ReturnType.FullName);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_typed_null_is_the_kql_name_called_on_null_and_string_has_none(RuntimeKqlType runtimeType)
    {
        var type = ToGenerator(runtimeType);
        var info = KqlTypes.Of(type);
        Assert.Equal(type == GeneratorKqlType.String ? null : info.Name + "(null)", info.NullLiteral);
    }

    [Fact]
    public void Every_spelling_reads_back_as_its_own_type_in_any_case_and_no_spelling_names_two_types()
    {
        var seen = new Dictionary<string, GeneratorKqlType>(StringComparer.OrdinalIgnoreCase);
        foreach (var info in KqlTypes.All)
        {
            foreach (var spelling in info.OtherSpellings.Prepend(info.Name))
            {
                Assert.True(seen.TryAdd(spelling, info.Type), $"'{spelling}' names both {seen.GetValueOrDefault(spelling)} and {info.Type}");
                foreach (var written in new[] { spelling, spelling.ToUpperInvariant(), " `" + spelling + "` " })
                {
                    Assert.True(KqlTypes.TryParse(written, out var parsed), written);
                    Assert.Equal(info.Type, parsed);
                }
            }
        }

        Assert.False(KqlTypes.TryParse("object", out _));
        Assert.False(KqlTypes.TryParse("``", out _));
        Assert.False(KqlTypes.TryParse(null, out _));
    }

    [Fact]
    public void An_undefined_type_is_refused_by_name_as_the_runtime_refuses_it()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => KqlTypes.Of((GeneratorKqlType)42));
        Assert.Equal("type", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => KqlTypeNames.Of((RuntimeKqlType)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => ColumnSchema.ClrTypeOf((RuntimeKqlType)(-1)));
    }

    private static GeneratorKqlType ToGenerator(RuntimeKqlType type) => Enum.Parse<GeneratorKqlType>(type.ToString());
}
