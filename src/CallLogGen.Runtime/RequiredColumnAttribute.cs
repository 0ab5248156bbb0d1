using System;

namespace CallLogGen;

/// <summary>
/// Marks a generated model property whose column every record must carry, with where the schema declares it.
/// CallLogGen's analyzers read it to report a record created without the column (CLG2001).
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class RequiredColumnAttribute : Attribute
{
    /// <summary>Marks a required column declared in <paramref name="sourceFile"/> at <paramref name="sourceLine"/>.</summary>
    public RequiredColumnAttribute(string sourceFile, int sourceLine, string description)
    {
        SourceFile = sourceFile;
        SourceLine = sourceLine;
        Description = description;
    }

    /// <summary>
    /// The column's description. Repeated here for required columns only: the analyzer quotes it, and a build
    /// without documentation files gives analyzers no XML docs to read it from.
    /// </summary>
    public string Description { get; }

    /// <summary>
    /// The schema file that declares the column, relative to the project; empty for a standard column the table options
    /// add; the built-in catalogue's label, "Azure Monitor table reference (2024-09)", for a column of a table named by
    /// name (<see cref="SourceLine"/> is then 0).
    /// </summary>
    public string SourceFile { get; }

    /// <summary>The one-based line in <see cref="SourceFile"/>; 0 where the column came from no file.</summary>
    public int SourceLine { get; }
}
