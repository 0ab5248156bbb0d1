namespace CallLogGen.Model;

/// <summary>A column of a catalogue table: its name and KQL type (the reference gives nothing else).</summary>
internal readonly record struct CatalogColumn(string Name, KqlType Type);
