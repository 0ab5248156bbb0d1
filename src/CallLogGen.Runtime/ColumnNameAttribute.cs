using System;

namespace CallLogGen;

/// <summary>
/// Marks a generated model property whose column has another name in Log Analytics than the property: the
/// property <c>BilledSize</c> is the column <c>_BilledSize</c>. A generated property without it has its column's name.
/// CallLogGen's query analyzers read it to follow columns through a query by their KQL names.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class ColumnNameAttribute : Attribute
{
    /// <summary>Marks the property of the column named <paramref name="name"/> in Log Analytics.</summary>
    public ColumnNameAttribute(string name) => Name = name;

    /// <summary>The column's name in Log Analytics (KQL), such as <c>_BilledSize</c>.</summary>
    public string Name { get; }
}
