using System.Security.Claims;
using SingleView.Serve.Configuration;

namespace SingleView.Serve.Access;

/// <summary>
/// Reads a <see cref="Viewer"/> from the claims of a bearer token or the demo cookie. Identity providers
/// differ: Entra ID sends "roles", others "role" or the long WS-Federation role claim, so all are read.
/// </summary>
internal static class ViewerClaims
{
    public const string Role = "role";
    public const string Roles = "roles";
    public const string SchoolUrn = "school_urn";
    public const string Name = "name";

    private static readonly string[] RoleTypes = [Roles, Role, ClaimTypes.Role];
    private static readonly string[] SubjectTypes = ["oid", "sub", ClaimTypes.NameIdentifier, "preferred_username"];
    private static readonly string[] NameTypes = [Name, "preferred_username", ClaimTypes.Name, "sub", ClaimTypes.NameIdentifier];

    /// <summary>
    /// The viewer, or null when the identity carries no role this view knows. With several known roles
    /// the first one in the token is used, so that rights are never silently combined.
    /// </summary>
    public static Viewer? Read(ClaimsPrincipal user, RoleCatalogue roles)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var role = user.Claims
            .Where(c => RoleTypes.Contains(c.Type, StringComparer.Ordinal))
            .Select(c => roles.Find(c.Value.Trim()))
            .FirstOrDefault(r => r is not null);
        if (role is null) return null;
        var name = NameTypes.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? "Signed-in user";
        var schoolUrn = user.FindFirst(SchoolUrn)?.Value?.Trim();
        var subject = SubjectTypes.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? name;
        return new Viewer(name, role, string.IsNullOrEmpty(schoolUrn) ? null : schoolUrn) { Subject = subject };
    }
}
