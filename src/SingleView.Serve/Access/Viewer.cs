using SingleView.Serve.Configuration;

namespace SingleView.Serve.Access;

/// <summary>The signed-in user as the view needs them: a name to show, one role, and their school if any.</summary>
internal sealed record Viewer(string Name, RoleDefinition Role, string? SchoolUrn);
