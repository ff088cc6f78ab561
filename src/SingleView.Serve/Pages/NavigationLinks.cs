using SingleView.Serve.Access;
using SingleView.Serve.Administration;
using SingleView.Serve.Configuration;

namespace SingleView.Serve.Pages;

/// <summary>One entry of the service navigation.</summary>
internal sealed record NavigationLink(string Href, string Label);

/// <summary>
/// The menu a viewer sees: only the places their role may open, so nobody is shown a door that
/// answers "not allowed". The server still checks every request; this is wayfinding, not access control.
/// </summary>
internal static class NavigationLinks
{
    public static IReadOnlyList<NavigationLink> For(Viewer viewer, string workbenchRole)
    {
        var links = new List<NavigationLink> { new("/search", "Search") };
        if (viewer.Role.Key == workbenchRole) links.Add(new("/workbench", "Data quality workbench"));
        if (viewer.Role.Scope == RoleScope.SchoolRoll) links.Add(new("/digests", "Safeguarding digests"));
        if (viewer.Role.Key == AdminRunsEndpoints.AdministratorRole) links.Add(new("/admin/runs", "Refresh runs"));
        if (viewer.Role.ReadsAccessReports) links.Add(new("/access-report", "Access reports"));
        return links;
    }
}
