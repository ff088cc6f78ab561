namespace SingleView.Cli.Commands.Accuracy;

// The YAML shape of scripts/bench/accuracy/<set>/set.yaml. Mutable only so YamlDotNet can fill it;
// AccuracySet.Load validates it.
#pragma warning disable CA2227 // collection setters are how the YAML deserialiser fills them
internal sealed class AccuracySetDocument
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Pipelines { get; set; }
    public List<DeliveryDocument>? Deliveries { get; set; }
    public GeneratorDocument? Generator { get; set; }
    public TruthDocument? Truth { get; set; }
    public TargetsDocument? Targets { get; set; }
}

internal sealed class DeliveryDocument
{
    public string? Feed { get; set; }
    public string? Source { get; set; }
}

internal sealed class GeneratorDocument
{
    public string? Kind { get; set; }
    public string? Flavour { get; set; }
    public int? Size { get; set; }
    public int? Seed { get; set; }
}

internal sealed class TruthDocument
{
    public string? RecordIdColumn { get; set; }
    public string? PersonPattern { get; set; }
    public string? File { get; set; }
    public string? Twins { get; set; }
}

internal sealed class TargetsDocument
{
    public double? Precision { get; set; }
    public double? Recall { get; set; }
    public double? ReviewShare { get; set; }
    public int? TwinsMerged { get; set; }
}
#pragma warning restore CA2227
