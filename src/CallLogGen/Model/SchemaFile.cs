namespace CallLogGen.Model;

/// <summary>The text of one schema file as the pipeline receives it: all the readers may look at.</summary>
internal sealed record SchemaFile(string FilePath, string RelativePath, string Text);
