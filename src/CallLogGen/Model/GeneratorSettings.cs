namespace CallLogGen.Model;

/// <summary>
/// The build properties the generator reads (through the package's CompilerVisibleProperty items), decided by
/// <c>SettingsResolver</c>. <see cref="RejectedNamespace"/> holds a CallLogGenNamespace that is not a C# namespace,
/// so that it is reported once instead of breaking every generated file.
/// </summary>
internal sealed record GeneratorSettings(string Namespace, string? ProjectDirectory, string? RejectedNamespace = null);
