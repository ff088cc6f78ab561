using SingleView.Core.Model;

namespace SingleView.Serve.Configuration;

/// <summary>One role of roles.yaml, validated: what its holders may see and what they must say before looking.</summary>
internal sealed record RoleDefinition(
    string Key,
    string DisplayName,
    IReadOnlySet<Service> Services,
    bool SeesContactDetails,
    RoleScope Scope)
{
    /// <summary>The golden fields (<see cref="StandardFields.Golden"/>) the role sees; all by default.</summary>
    public IReadOnlySet<string> Fields { get; init; } = StandardFields.Golden.ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a purpose must be stated (and is audited) before each view of a person.</summary>
    public bool PurposeRequired { get; init; }

    /// <summary>Whether the role may read the access log (subject access requests).</summary>
    public bool ReadsAccessReports { get; init; }
}
