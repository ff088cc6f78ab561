using SingleView.Core.Configuration;
using SingleView.Core.Model;
using SingleView.Serve.Configuration;
using SingleView.Serve.Tests.Support;

namespace SingleView.Serve.Tests.Configuration;

public sealed class DisplaySettingsTests
{
    private const string File = "config/display.yaml";

    [Test]
    public void Load_RepositoryDisplayFile_HasStockportAgeRules()
    {
        var display = DisplaySettings.Load(Path.Combine(TestApp.ConfigDirectory, "display.yaml"));

        display.AgeRuleFor(Service.Police).ShouldBe(new AgeRule(18, null));
        display.AgeRuleFor(Service.Housing).ShouldBe(new AgeRule(16, null));
        display.AgeRuleFor(Service.AdultSocialCare).ShouldBe(new AgeRule(15, null));
        display.AgeRuleFor(Service.School).ShouldBe(new AgeRule(4, 20));
        display.StaleAfterDays.ShouldBe(7);
    }

    [Test]
    public void Parse_UnknownServiceInAgeRules_ThrowsNamingField()
    {
        const string yaml = """
            stale_after_days: 7
            disclaimer: May be wrong.
            age_rules:
              Polise: { min_age: 18 }
            """;

        var error = Should.Throw<ConfigurationException>(() => DisplaySettings.Parse(File, yaml));

        error.File.ShouldBe(File);
        error.Field.ShouldBe("age_rules.Polise");
    }

    [Test]
    public void Parse_MinimumAboveMaximum_ThrowsNamingField()
    {
        const string yaml = """
            stale_after_days: 7
            disclaimer: May be wrong.
            age_rules:
              School: { min_age: 21, max_age: 4 }
            """;

        Should.Throw<ConfigurationException>(() => DisplaySettings.Parse(File, yaml)).Field.ShouldBe("age_rules.School.max_age");
    }

    [Test]
    public void Parse_MissingDisclaimer_ThrowsNamingField()
    {
        Should.Throw<ConfigurationException>(() => DisplaySettings.Parse(File, "stale_after_days: 7")).Field.ShouldBe("disclaimer");
    }

    [Test]
    public void AgeRuleFor_ServiceWithoutRule_AllowsEveryAge()
    {
        var display = DisplaySettings.Parse(File, "stale_after_days: 7\ndisclaimer: x");

        display.AgeRuleFor(Service.Health).Allows(0).ShouldBeTrue();
    }

    [TestCase(17, false)]
    [TestCase(18, true)]
    [TestCase(null, true)]
    public void Allows_MinimumAge_HidesYounger(int? age, bool expected)
    {
        new AgeRule(18, null).Allows(age).ShouldBe(expected);
    }

    [TestCase(20, true)]
    [TestCase(21, false)]
    [TestCase(3, false)]
    public void Allows_SchoolRange_KeepsOnlyFourToTwenty(int age, bool expected)
    {
        new AgeRule(4, 20).Allows(age).ShouldBe(expected);
    }
}
