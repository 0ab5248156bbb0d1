using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace CallLogGen.Benchmarks;

/// <summary>
/// Each generator over 1, 10 and 100 tables: a full run with a new driver, the re-run after an edit to
/// unrelated C# code, and the re-run after an edit to one table's file (a schema page for CallLogGen, a model
/// class for System.Text.Json). The edit scenarios switch between two prepared states, so every invocation
/// is one real incremental run after exactly one change.
/// </summary>
/// <remarks>
/// The compilations are made once and reused, so the symbols System.Text.Json asks for are bound after the
/// warm-up: its figures are its own work, not the binding a build does anyway. CallLogGen never touches
/// the compilation.
/// </remarks>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Scenario _scenario = null!;
    private GeneratorDriver _afterUnrelatedEdit = null!;
    private GeneratorDriver _afterFileEdit = null!;
    private bool _unrelatedEdited;
    private bool _fileEdited;

    [ParamsAllValues]
    public GeneratorKind Generator { get; set; }

    [Params(1, 10, 100)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Scenario.Create(Generator, Files);
        _afterUnrelatedEdit = _scenario.NewDriver().RunGenerators(_scenario.Compilation);
        _afterFileEdit = _scenario.NewDriver().RunGenerators(_scenario.Compilation);
        _unrelatedEdited = false;
        _fileEdited = false;
    }

    /// <summary>Everything from nothing: a new driver over the whole project.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => _scenario.NewDriver().RunGenerators(_scenario.Compilation);

    /// <summary>The re-run after a method body elsewhere in the project changed.</summary>
    [Benchmark]
    public GeneratorDriver UnrelatedEdit()
    {
        _unrelatedEdited = !_unrelatedEdited;
        return _afterUnrelatedEdit = _afterUnrelatedEdit.RunGenerators(_unrelatedEdited ? _scenario.UnrelatedEdit : _scenario.Compilation);
    }

    /// <summary>The re-run after one column was renamed in one table's file (or the rename was taken back).</summary>
    [Benchmark]
    public GeneratorDriver OneFileEdit()
    {
        _fileEdited = !_fileEdited;
        return _afterFileEdit = _scenario.RunAfterFileEdit(_afterFileEdit, _fileEdited);
    }
}
