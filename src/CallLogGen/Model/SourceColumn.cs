namespace CallLogGen.Model;

/// <summary>
/// A column as the document writes it. <see cref="Type"/> is null where the document gives no type
/// (inferred later); <see cref="TypeText"/> keeps the spelling for messages. <see cref="Description"/>
/// is plain text: markup, links and <c>&lt;br&gt;</c> already turned into text.
/// </summary>
internal sealed record SourceColumn(
    string Name,
    string? TypeText,
    KqlType? Type,
    Requiredness Required,
    string Description,
    SourceSpan Location);
