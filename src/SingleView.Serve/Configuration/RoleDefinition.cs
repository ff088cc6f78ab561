using SingleView.Core.Model;

namespace SingleView.Serve.Configuration;

/// <summary>One role of roles.yaml, validated: what its holders may see.</summary>
internal sealed record RoleDefinition(
    string Key,
    string DisplayName,
    IReadOnlySet<Service> Services,
    bool SeesContactDetails,
    RoleScope Scope);
