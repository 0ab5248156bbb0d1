using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CallLogGen.Analyzers;

/// <summary>
/// The properties a new record gets before it is first used: those of its object initializer and, where the record is
/// stored in a local (<c>var r = new T();</c> or <c>r = new T();</c>), those the following statements of the same block
/// assign (<c>r.TimeGenerated = now;</c>), up to the first statement that uses the record: passes, returns or stores it,
/// calls a method on it. Reading one of its properties is no use of the record, nor is a lambda's or local function's body,
/// which runs later if ever. An assignment anywhere before that use counts, even one that only some paths make (inside an
/// <c>if</c>, a loop, a lambda or a local function), so that what is left is certainly missing when the record is used.
/// Where the statements could run in another order than they are written (<c>goto</c>, labels), nothing is known.
/// </summary>
internal sealed class NewRecordAssignments
{
    private NewRecordAssignments(List<IAssignmentOperation> initializer, List<IOperation> statements)
    {
        Initializer = initializer;
        Statements = statements;
    }

    /// <summary>The assignments of the object initializer.</summary>
    public IReadOnlyList<IAssignmentOperation> Initializer { get; }

    /// <summary>The writes to the record's properties in the statements after its creation, before its first use (assignments, compound assignments, increments).</summary>
    public IReadOnlyList<IOperation> Statements { get; }

    /// <summary>The properties assigned before the first use, however they are assigned.</summary>
    public IEnumerable<IPropertySymbol> AssignedProperties()
    {
        foreach (var assignment in Initializer)
        {
            if (assignment.Target is IPropertyReferenceOperation { Property: var property })
            {
                yield return property.OriginalDefinition;
            }
        }

        foreach (var write in Statements)
        {
            if (write is IPropertyReferenceOperation { Property: var property })
            {
                yield return property.OriginalDefinition;
            }
        }
    }

    /// <summary>What <paramref name="creation"/> is given before it is used; null where that cannot be known.</summary>
    public static NewRecordAssignments? Of(IObjectCreationOperation creation)
    {
        var initializer = new List<IAssignmentOperation>();
        foreach (var member in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
        {
            if (member is IAssignmentOperation assignment)
            {
                initializer.Add(assignment);
            }
        }

        var statements = new List<IOperation>();
        if (StoredIn(creation) is not { } stored)
        {
            return new NewRecordAssignments(initializer, statements); // Used where it is made: returned, passed, stored elsewhere.
        }

        var (local, statement) = stored;
        var (siblings, block) = StatementsAround(statement);
        var index = siblings.IndexOf(statement);
        if (index < 0)
        {
            return null;
        }

        // A local function may be called before the text that declares it: what it assigns counts from the start.
        foreach (var sibling in siblings)
        {
            if (sibling is ILocalFunctionOperation function && Scan(function, local, statements) is not true)
            {
                return null;
            }
        }

        for (var i = index + 1; i < siblings.Length; i++)
        {
            if (siblings[i] is ILocalFunctionOperation)
            {
                continue;
            }

            var scan = Scan(siblings[i], local, statements);
            if (scan is null)
            {
                return null;
            }

            if (scan == false)
            {
                return new NewRecordAssignments(initializer, statements); // Used here.
            }
        }

        // Never used in the block: if the block is the local's scope, the record goes unused as it is; otherwise it may be used after.
        return block is null || block.Locals.Any(l => SymbolEqualityComparer.Default.Equals(l, local)) ? new NewRecordAssignments(initializer, statements) : null;
    }

    /// <summary>
    /// Adds the writes to <paramref name="local"/>'s properties within <paramref name="statement"/>, in the order written, up
    /// to the first use of the record. True: no use in it; false: used in it; null: statements may run out of order.
    /// </summary>
    private static bool? Scan(IOperation statement, ILocalSymbol local, List<IOperation> writes)
    {
        foreach (var operation in statement.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILabeledOperation:
                case IBranchOperation { BranchKind: BranchKind.GoTo }:
                    return null;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    switch (reference.Parent)
                    {
                        case IPropertyReferenceOperation property when property.Instance == reference:
                            if (IsWritten(property))
                            {
                                writes.Add(property);
                            }

                            break; // Reading a property is no use of the record.
                        case INameOfOperation:
                            break;
                        case var _ when IsDeferred(reference, statement):
                            break; // A lambda's or local function's body runs later, if ever: no use here.
                        default:
                            return false;
                    }

                    break;
            }
        }

        return true;
    }

    private static bool IsDeferred(IOperation reference, IOperation statement)
    {
        for (var parent = reference.Parent; parent is not null && parent != statement.Parent; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWritten(IPropertyReferenceOperation property) => property.Parent switch
    {
        IAssignmentOperation assignment => assignment.Target == property,
        IIncrementOrDecrementOperation => true,
        _ => false,
    };

    /// <summary>The local a creation is stored in, and the statement that stores it; null where it is used where it is made.</summary>
    private static (ILocalSymbol Local, IOperation Statement)? StoredIn(IObjectCreationOperation creation)
    {
        IOperation? parent = creation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            // `var r = new T();`, alone in its declaration (a later declarator of the same statement could use it).
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local, Parent: IVariableDeclarationOperation { Declarators.Length: 1, Parent: IVariableDeclarationGroupOperation { Declarations.Length: 1 } group } } }:
                return (local, group);
            // `r = new T();` as a statement.
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local }, Parent: IExpressionStatementOperation statement }:
                return (local, statement);
            default:
                return null;
        }
    }

    private static (ImmutableArray<IOperation> Statements, IBlockOperation? Block) StatementsAround(IOperation statement) => statement.Parent switch
    {
        IBlockOperation block => (block.Operations, block),
        ISwitchCaseOperation section => (section.Body, null),
        _ => (ImmutableArray<IOperation>.Empty, null),
    };
}
