using SingleView.Core.Configuration;
using SingleView.Core.Model;
using SingleView.Serve.Configuration;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Configuration;

public sealed class RoleCatalogueTests
{
    private const string File = "config/roles.yaml";

    [Test]
    public void Parse_UnknownService_ThrowsNamingFileAndField()
    {
        const string yaml = """
            roles:
              police:
                display_name: Police
                services: [Police, Polce]
                contact_details: true
                scope: authority
            """;

        var error = Should.Throw<ConfigurationException>(() => RoleCatalogue.Parse(File, yaml));

        error.File.ShouldBe(File);
        error.Field.ShouldBe("roles.police.services[1]");
        error.Problem.ShouldContain("Polce");
    }

    [Test]
    public void Parse_UnknownScope_ThrowsNamingField()
    {
        const string yaml = """
            roles:
              social_worker: { display_name: Social worker, services: all, contact_details: true, scope: everyone }
            """;

        Should.Throw<ConfigurationException>(() => RoleCatalogue.Parse(File, yaml)).Field.ShouldBe("roles.social_worker.scope");
    }

    [Test]
    public void Parse_MissingContactDetails_ThrowsNamingField()
    {
        const string yaml = """
            roles:
              social_worker: { display_name: Social worker, services: all, scope: authority }
            """;

        Should.Throw<ConfigurationException>(() => RoleCatalogue.Parse(File, yaml)).Field.ShouldBe("roles.social_worker.contact_details");
    }

    [Test]
    public void Parse_ServicesAll_GivesEveryService()
    {
        const string yaml = """
            roles:
              social_worker: { display_name: Social worker, services: all, contact_details: true, scope: authority }
            """;

        RoleCatalogue.Parse(File, yaml).Find("social_worker")!.Services.Count.ShouldBe(Enum.GetValues<Service>().Length);
    }

    [Test]
    public void Parse_SchoolRollScope_IsRead()
    {
        const string yaml = """
            roles:
              school_dsl: { display_name: DSL, services: [School], contact_details: true, scope: school_roll }
            """;

        RoleCatalogue.Parse(File, yaml).Find("school_dsl")!.Scope.ShouldBe(RoleScope.SchoolRoll);
    }

    [Test]
    public void Load_MissingFile_ThrowsNamingFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "roles.yaml");

        Should.Throw<ConfigurationException>(() => RoleCatalogue.Load(missing)).File.ShouldBe(missing);
    }

    [Test]
    public void Load_RepositoryRolesFile_HasEveryRoleTheViewNeeds()
    {
        var roles = RoleCatalogue.Load(Path.Combine(TestApp.ConfigDirectory, "roles.yaml"));

        roles.All.Select(r => r.Key).ShouldBe(
            ["social_worker", "early_help_practitioner", "school_dsl", "police", "health", "probation", "data_quality_officer", "administrator"],
            ignoreOrder: true);
        roles.Find("school_dsl")!.Scope.ShouldBe(RoleScope.SchoolRoll);
        roles.Find("health")!.Services.ShouldNotContain(Service.Police);
    }
}
