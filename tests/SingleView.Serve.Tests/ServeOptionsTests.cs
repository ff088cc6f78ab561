using SingleView.Core.Configuration;
using SingleView.Publish;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests;

public sealed class ServeOptionsTests
{
    private static readonly ServingDatabase Database = ServingDatabase.Sqlite(Path.Combine(Path.GetTempPath(), "unused.db"));

    [Test]
    public void Validate_OutsideDemoModeWithoutJwt_ThrowsNamingJwt()
    {
        var options = TestApp.Options(Database, demoMode: false) with { Jwt = null };

        Should.Throw<ConfigurationException>(options.Validate).Field.ShouldBe("Jwt");
    }

    [Test]
    public void Validate_DemoModeWithoutJwt_IsAccepted()
    {
        Should.NotThrow(TestApp.Options(Database, demoMode: true).Validate);
    }

    [Test]
    public void Validate_HttpAuthority_ThrowsNamingTheOption()
    {
        var options = TestApp.Options(Database, demoMode: false) with { Jwt = new JwtOptions { Audience = "a", Authority = "http://idp.example/tenant" } };

        var refused = Should.Throw<ConfigurationException>(options.Validate);

        refused.Field.ShouldBe("Jwt.Authority (--jwt-authority)");
        refused.Problem.ShouldContain("not https");
    }

    [Test]
    public void Validate_HttpsAuthority_IsAccepted()
    {
        var options = TestApp.Options(Database, demoMode: false) with { Jwt = new JwtOptions { Audience = "a", Authority = "https://login.example/tenant/v2.0" } };

        Should.NotThrow(options.Validate);
    }

    [Test]
    public void Validate_ShortSigningKey_Throws()
    {
        var options = TestApp.Options(Database, demoMode: false) with { Jwt = new JwtOptions { Audience = "a", SymmetricSigningKey = "short" } };

        Should.Throw<ConfigurationException>(options.Validate).Field.ShouldBe("Jwt.SymmetricSigningKey");
    }

    [Test]
    public void Build_ConfigFolderWithoutRolesFile_ThrowsNamingRolesFile()
    {
        var folder = Directory.CreateTempSubdirectory("singleview-serve-config");
        File.Copy(Path.Combine(TestApp.ConfigDirectory, "display.yaml"), Path.Combine(folder.FullName, "display.yaml"));
        var options = TestApp.Options(Database, demoMode: true) with { ConfigDirectory = folder.FullName };

        var error = Should.Throw<ConfigurationException>(() => SingleViewWebApp.Build(options));

        error.File.ShouldBe(Path.Combine(folder.FullName, "roles.yaml"));
    }

    [Test]
    public void Build_RolesFileWithUnknownService_ThrowsNamingFileAndField()
    {
        var folder = Directory.CreateTempSubdirectory("singleview-serve-config");
        File.Copy(Path.Combine(TestApp.ConfigDirectory, "display.yaml"), Path.Combine(folder.FullName, "display.yaml"));
        File.WriteAllText(Path.Combine(folder.FullName, "roles.yaml"), """
            roles:
              health: { display_name: Health, services: [Health, Dentistry], contact_details: true, scope: authority }
            """);
        var options = TestApp.Options(Database, demoMode: true) with { ConfigDirectory = folder.FullName };

        var error = Should.Throw<ConfigurationException>(() => SingleViewWebApp.Build(options));

        error.File.ShouldEndWith("roles.yaml");
        error.Field.ShouldBe("roles.health.services[1]");
    }
}
