using System.Collections.Generic;

namespace CallLogGen.Kql;

/// <summary>A built query, whatever table it started from: its text and the columns it returns.</summary>
public interface IKqlQuery
{
    /// <summary>The table the query reads.</summary>
    string TableName { get; }

    /// <summary>The columns the query returns; empty when <see cref="IsShapeKnown"/> is false.</summary>
    IReadOnlyList<KqlResultColumn> ResultColumns { get; }

    /// <summary>False after a raw operator, whose effect on the columns the builder cannot know.</summary>
    bool IsShapeKnown { get; }

    /// <summary>The query as KQL text.</summary>
    string ToKql(KqlLayout layout = KqlLayout.MultiLine);
}
