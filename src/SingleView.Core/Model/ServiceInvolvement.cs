namespace SingleView.Core.Model;

/// <summary>
/// One source record's involvement with its service: the Family Context fields common to every
/// service, plus service-specific details keyed by the names in <see cref="ServiceDetailCatalogue"/>.
/// </summary>
public sealed record ServiceInvolvement
{
    public required Service Service { get; init; }
    public InvolvementStatus Status { get; init; } = InvolvementStatus.Current;
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    /// <summary>What the involvement is, in the source's words (e.g. "Child Protection Plan").</summary>
    public string? Nature { get; init; }
    /// <summary>The organisation involved: school, team, housing association, police area.</summary>
    public string? Organisation { get; init; }
    public string? ContactName { get; init; }
    public string? ContactRole { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public IReadOnlyDictionary<string, string> Details { get; init; } = EmptyDetails;

    internal static readonly IReadOnlyDictionary<string, string> EmptyDetails =
        new Dictionary<string, string>(StringComparer.Ordinal);
}
