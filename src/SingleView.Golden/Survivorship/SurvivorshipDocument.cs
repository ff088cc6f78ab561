namespace SingleView.Golden.Survivorship;

#pragma warning disable CA2227 // collection setters are how the YAML deserialiser fills them
internal sealed class SurvivorshipDocument
{
    public List<string>? DefaultOrder { get; set; }
    public Dictionary<string, FieldRuleDocument>? Fields { get; set; }
}

internal sealed class FieldRuleDocument
{
    public string? Rule { get; set; }
    public List<string>? Priority { get; set; }
}
#pragma warning restore CA2227
