using SingleView.Serve.Access;
using SingleView.Serve.Configuration;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Workbench;

/// <summary>Officers for the workbench tests, with the real data quality officer role of config/roles.yaml.</summary>
internal static class WorkbenchTestData
{
    public static RoleDefinition OfficerRole =>
        RoleCatalogue.Load(Path.Combine(TestApp.ConfigDirectory, "roles.yaml")).All.Single(r => r.Key == "data_quality_officer");

    public static Viewer Officer(string name) => new(name, OfficerRole, null) { Subject = "sub-" + name };
}
