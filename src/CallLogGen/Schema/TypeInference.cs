using CallLogGen.Model;

namespace CallLogGen.Schema;

// Temporary until the markdown reader branch lands its inference rules.
internal readonly record struct InferredType(KqlType Type, string Rule);

internal static class TypeInference
{
    public static InferredType Infer(string columnName, string description) => new(KqlType.String, "no rule matched");
}
