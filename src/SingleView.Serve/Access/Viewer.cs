using SingleView.Serve.Configuration;

namespace SingleView.Serve.Access;

/// <summary>The signed-in user as the view needs them: a name to show, one role, their school if any, and a stable subject for the audit.</summary>
internal sealed record Viewer(string Name, RoleDefinition Role, string? SchoolUrn)
{
    /// <summary>The identity provider's stable identifier ("sub"), or the name when there is none.</summary>
    public string Subject { get; init; } = Name;
}
