using SingleView.Core.Configuration;
using SingleView.Schedule.Configuration;
using SingleView.Tests.Shared;

namespace SingleView.Schedule.Tests.Configuration;

public sealed class AlertRulesTests
{
    [Test]
    public void Load_CommittedFile_HasTheFourRequiredEventsFromTheirFeeds()
    {
        var rules = AlertRules.Load(RepositoryRoot.Config).Rules;

        rules.Single(r => r.Name == "police_domestic_abuse_child").Feed.ShouldBe("police");
        rules.Where(r => r.Name.StartsWith("childrens_social_care", StringComparison.Ordinal)).Select(r => r.Feed).ShouldAllBe(f => f == "lcs");
        rules.Single(r => r.Name == "missing_from_home").Feed.ShouldBe("lcs");
        rules.Single(r => r.Name == "school_exclusion").Feed.ShouldBe("school");
    }

    [Test]
    public void Matches_AllConditionsHold_IsTrue()
    {
        var rule = AlertRules.Parse("alerts.yaml", Rule("detail.domestic_abuse_incident: \"Yes\"\n      person.kind: Child")).Rules[0];

        rule.Matches(field => field == "person.kind" ? "Child" : "yes").ShouldBeTrue();
    }

    [Test]
    public void Matches_OneConditionFails_IsFalse()
    {
        var rule = AlertRules.Parse("alerts.yaml", Rule("detail.domestic_abuse_incident: \"Yes\"\n      person.kind: Child")).Rules[0];

        rule.Matches(field => field == "person.kind" ? "Adult" : "Yes").ShouldBeFalse();
    }

    [Test]
    public void Matches_AnyValueOnEmptyField_IsFalse()
    {
        var rule = AlertRules.Parse("alerts.yaml", Rule("detail.exclusion: \"*\"")).Rules[0];

        rule.Matches(_ => " ").ShouldBeFalse();
    }

    [Test]
    public void Parse_UnknownField_NamesRuleAndField()
    {
        Should.Throw<ConfigurationException>(() => AlertRules.Parse("alerts.yaml", Rule("offence_type: Burglary")))
            .Field.ShouldBe("rules.test.when.offence_type");
    }

    [Test]
    public void Parse_NoAudience_NamesField()
    {
        const string yaml = "rules:\n  test:\n    kind: Test\n    feed: police\n    when:\n      person.kind: Child\n";

        Should.Throw<ConfigurationException>(() => AlertRules.Parse("alerts.yaml", yaml)).Field.ShouldBe("rules.test.to");
    }

    private static string Rule(string when) =>
        $"rules:\n  test:\n    kind: Test event\n    feed: police\n    when:\n      {when}\n    to: [school_dsl]\n";
}
