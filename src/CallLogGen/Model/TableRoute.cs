namespace CallLogGen.Model;

/// <summary>
/// Records of one diagnostic category of one resource type land in a table: <c>(Microsoft.Communication/CommunicationServices, Usage)</c>.
/// A null <see cref="ResourceType"/> stands for any resource type (table options that name only a category).
/// </summary>
internal sealed record TableRoute(string? ResourceType, string Category);
