namespace SingleView.Schedule.Configuration;

/// <summary>
/// One rule of config/alerts.yaml: which published records of which feed are an event worth telling
/// someone about, what the event is called, where its date is, and which audiences hear of it.
/// </summary>
public sealed record AlertRule
{
    public required string Name { get; init; }

    /// <summary>What the digest calls the event ("Missing from home episode"): the kind, never the record's detail.</summary>
    public required string Kind { get; init; }

    /// <summary>The feed that carries the event.</summary>
    public required string Feed { get; init; }

    /// <summary>Field (see <see cref="AlertFields"/>) to the accepted values, any of them, case-insensitive; "*" accepts any non-empty value.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> When { get; init; }

    /// <summary>The field holding the event's date; when null or empty on a record, the record's extract date.</summary>
    public string? DateField { get; init; }

    /// <summary>The audiences of config/subscriptions.yaml that receive it (e.g. school_dsl).</summary>
    public required IReadOnlyList<string> To { get; init; }

    /// <summary>Whether a record's field values satisfy every condition.</summary>
    public bool Matches(Func<string, string?> valueOf) => When.All(condition =>
    {
        var value = valueOf(condition.Key)?.Trim();
        if (string.IsNullOrEmpty(value)) return false;
        return condition.Value.Any(accepted => accepted == AlertFields.AnyValue || string.Equals(accepted, value, StringComparison.OrdinalIgnoreCase));
    });
}

/// <summary>The fields a rule may test: the published involvement's columns, its details, and the person's kind.</summary>
public static class AlertFields
{
    public const string AnyValue = "*";
    public const string DetailPrefix = "detail.";

    public static IReadOnlyList<string> Involvement { get; } =
        ["involvement.status", "involvement.nature", "involvement.start_date", "involvement.end_date", "involvement.organisation"];

    public const string PersonKind = "person.kind";

    public static bool IsKnown(string field) =>
        Involvement.Contains(field, StringComparer.Ordinal) || field == PersonKind
        || (field.StartsWith(DetailPrefix, StringComparison.Ordinal) && field.Length > DetailPrefix.Length);
}
