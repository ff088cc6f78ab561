namespace SingleView.Serve.Configuration;

/// <summary>The ages for which a service is shown at all (a local setting, e.g. police 18+).</summary>
internal sealed record AgeRule(int? MinimumAge, int? MaximumAge)
{
    /// <summary>An unknown age shows the service: the rule is about relevance, and hiding data on a guess would mislead.</summary>
    public bool Allows(int? age) =>
        age is not { } known || ((MinimumAge is null || known >= MinimumAge) && (MaximumAge is null || known <= MaximumAge));
}
